import { type ErrorCategory, errorMatrix } from './error-matrix.js';

// Symbol.for keys are shared across copies of this module, so `isInstance` still works when a
// service package bundles its own copy of core or two versions are installed side by side.
const kindsKey = Symbol.for('@patchbay/core/error-kinds');

export interface PatchbayErrorOptions {
  category: ErrorCategory;
  cause?: unknown;
  /** Defaults to the category's `retried` value in the error matrix. */
  retryable?: boolean;
  /** A machine-readable code from the service or from Patchbay. */
  code?: string;
  /** Service name, such as `stripe` or `hubspot`. */
  service?: string;
}

interface ErrorClassWithKind {
  readonly kind: string;
}

/** Base class of every error Patchbay raises. */
export class PatchbayError extends Error {
  static readonly kind: string = 'PatchbayError';

  override name = 'PatchbayError';
  readonly category: ErrorCategory;
  readonly retryable: boolean;
  readonly code: string | undefined;
  readonly service: string | undefined;
  /** Attempts the call made before failing with this error; set by the pipeline. */
  attempts: number | undefined;
  /** Why the pipeline did not retry a retryable failure; set by the pipeline. */
  notRetriedReason: string | undefined;
  declare readonly [kindsKey]: readonly string[];

  constructor(message: string, options: PatchbayErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.category = options.category;
    this.retryable = options.retryable ?? errorMatrix[options.category].retried;
    this.code = options.code;
    this.service = options.service;
    this.attempts = undefined;
    this.notRetriedReason = undefined;

    const kinds: string[] = [];
    for (let ctor = new.target as unknown; ctor && ctor !== Error; ctor = Object.getPrototypeOf(ctor)) {
      const kind = (ctor as Partial<ErrorClassWithKind>).kind;
      if (kind && Object.hasOwn(ctor as object, 'kind')) kinds.push(kind);
    }
    Object.defineProperty(this, kindsKey, { value: Object.freeze(kinds), enumerable: false });
  }

  /**
   * Checks whether `value` is an instance of this class, including instances created by
   * another copy of `@patchbay/core`, where `instanceof` fails.
   */
  static isInstance<T>(this: { readonly kind: string; readonly prototype: T }, value: unknown): value is T {
    if (typeof value !== 'object' || value === null) return false;
    const kinds = (value as { [kindsKey]?: unknown })[kindsKey];
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  /** Serializable fields; subclasses add theirs. Secrets were redacted before construction. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      category: this.category,
      retryable: this.retryable,
      code: this.code,
      service: this.service,
      attempts: this.attempts,
      notRetriedReason: this.notRetriedReason,
      cause: serializeCause(this.cause),
    };
  }
}

function serializeCause(cause: unknown): unknown {
  if (cause === undefined) return undefined;
  if (PatchbayError.isInstance(cause)) return cause.toJSON();
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return { name: cause.name, message: cause.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return String(cause);
}
