import { PatchbayError } from './patchbay-error.js';

interface RequestContext {
  method: string;
  /** Redacted URL. */
  url: string;
  service?: string | undefined;
  cause?: unknown;
}

/** The connection failed before a response arrived. `cause` holds the transport's error. */
export class NetworkError extends PatchbayError {
  static override readonly kind: string = 'NetworkError';
  override name = 'NetworkError';
  readonly method: string;
  readonly url: string;

  constructor(message: string, context: RequestContext & { retryable?: boolean; code?: string | undefined }) {
    super(message, {
      category: 'network',
      cause: context.cause,
      service: context.service,
      retryable: context.retryable,
      code: context.code,
    });
    this.method = context.method;
    this.url = context.url;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), method: this.method, url: this.url };
  }
}

/** Which budget ran out: one attempt's timeout or the whole call's deadline. */
export type TimeoutKind = 'attempt' | 'total';

/** An attempt or the whole call ran out of time. */
export class TimeoutError extends PatchbayError {
  static override readonly kind: string = 'TimeoutError';
  override name = 'TimeoutError';
  readonly timeout: TimeoutKind;
  readonly timeoutMs: number;
  readonly method: string;
  readonly url: string;
  /** The last failed attempt's error, when the total deadline ended a call that was retrying. */
  readonly lastError: PatchbayError | undefined;

  constructor(
    message: string,
    context: RequestContext & {
      timeout: TimeoutKind;
      timeoutMs: number;
      attempts: number;
      lastError?: PatchbayError | undefined;
    },
  ) {
    super(message, {
      category: 'timeout',
      cause: context.cause ?? context.lastError,
      service: context.service,
      retryable: context.timeout === 'attempt',
    });
    this.timeout = context.timeout;
    this.timeoutMs = context.timeoutMs;
    this.attempts = context.attempts;
    this.method = context.method;
    this.url = context.url;
    this.lastError = context.lastError;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      timeout: this.timeout,
      timeoutMs: this.timeoutMs,
      method: this.method,
      url: this.url,
    };
  }
}

/** A 2xx response whose body is not valid JSON or does not match the operation's schema. */
export class ParseError extends PatchbayError {
  static override readonly kind: string = 'ParseError';
  override name = 'ParseError';
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  /** The response body as received (redacted). */
  readonly rawBody: string;
  /** Schema issues, when a schema rejected the body. */
  readonly issues: readonly unknown[];

  constructor(
    message: string,
    context: RequestContext & {
      status: number;
      rawBody: string;
      issues?: readonly unknown[];
      requestId?: string | undefined;
    },
  ) {
    super(message, { category: 'parse', cause: context.cause, service: context.service });
    this.status = context.status;
    this.method = context.method;
    this.url = context.url;
    this.requestId = context.requestId;
    this.rawBody = context.rawBody;
    this.issues = context.issues ?? [];
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      method: this.method,
      url: this.url,
      requestId: this.requestId,
      rawBody: this.rawBody,
      issues: this.issues,
    };
  }
}

/** The circuit breaker is open; no request was sent. */
export class CircuitOpenError extends PatchbayError {
  static override readonly kind: string = 'CircuitOpenError';
  override name = 'CircuitOpenError';
  /** Time until the breaker lets a probe through, in milliseconds. */
  readonly retryAfterMs: number;

  constructor(message: string, options: { service?: string | undefined; retryAfterMs: number }) {
    super(message, { category: 'circuit_open', service: options.service });
    this.retryAfterMs = options.retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** The caller's abort signal fired. `cause` holds the signal's reason. */
export class AbortError extends PatchbayError {
  static override readonly kind: string = 'AbortError';
  override name = 'AbortError';

  constructor(message: string, options: { cause?: unknown; service?: string | undefined } = {}) {
    super(message, { category: 'aborted', cause: options.cause, service: options.service });
  }
}

/** An option or credential is invalid; nothing was sent. */
export class ConfigurationError extends PatchbayError {
  static override readonly kind: string = 'ConfigurationError';
  override name = 'ConfigurationError';
  /** The option's path, such as `retry.initialDelayMs`. */
  readonly option: string | undefined;

  constructor(
    message: string,
    options: { option?: string; service?: string | undefined; cause?: unknown } = {},
  ) {
    super(message, { category: 'configuration', service: options.service, cause: options.cause });
    this.option = options.option;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), option: this.option };
  }
}

/** The OAuth token endpoint rejected a refresh or a code exchange. */
export class TokenRefreshError extends PatchbayError {
  static override readonly kind: string = 'TokenRefreshError';
  override name = 'TokenRefreshError';
  /** HTTP status of the token endpoint, when it answered. */
  readonly status: number | undefined;

  constructor(
    message: string,
    options: { status?: number; code?: string; service?: string | undefined; cause?: unknown },
  ) {
    super(message, {
      category: 'authentication',
      code: options.code,
      service: options.service,
      cause: options.cause,
    });
    this.status = options.status;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status };
  }
}
