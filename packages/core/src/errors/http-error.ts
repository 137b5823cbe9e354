import type { ErrorCategory } from './error-matrix.js';
import { PatchbayError } from './patchbay-error.js';

/** Fields of an {@link HttpError}. URL, headers and body must already be redacted. */
export interface HttpErrorInit {
  message: string;
  category: ErrorCategory;
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when the body is not JSON. */
  body: unknown;
  requestId?: string | undefined;
  retryable?: boolean | undefined;
  code?: string | undefined;
  service?: string | undefined;
  /** Wait the service asked for before another attempt, in milliseconds. */
  retryAfterMs?: number | undefined;
  /**
   * The service states it did not process the request (for example a HubSpot 429), so a retry
   * cannot repeat a side effect even without an idempotency key.
   */
  notProcessed?: boolean | undefined;
  cause?: unknown;
}

/** A response with a non-success status. */
export class HttpError extends PatchbayError {
  static override readonly kind: string = 'HttpError';

  override name = 'HttpError';
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly notProcessed: boolean;

  constructor(init: HttpErrorInit) {
    super(init.message, {
      category: init.category,
      retryable: init.retryable,
      code: init.code,
      service: init.service,
      cause: init.cause,
    });
    this.method = init.method;
    this.url = init.url;
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.notProcessed = init.notProcessed ?? false;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      method: this.method,
      url: this.url,
      status: this.status,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      headers: this.headers,
      body: this.body,
    };
  }
}

/** A 429 or another throttling response. */
export class RateLimitError extends HttpError {
  static override readonly kind: string = 'RateLimitError';
  override name = 'RateLimitError';
}

/** A 409 or a similar state conflict. `existingId` is set when the service names the record. */
export class ConflictError extends HttpError {
  static override readonly kind: string = 'ConflictError';
  override name = 'ConflictError';
  readonly existingId: string | undefined;

  constructor(init: HttpErrorInit & { existingId?: string | undefined }) {
    super(init);
    this.existingId = init.existingId;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), existingId: this.existingId };
  }
}
