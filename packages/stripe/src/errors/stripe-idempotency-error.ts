import { HttpError, type HttpErrorInit } from '@patchbay/core';

/**
 * An idempotency key was reused with different parameters or on another endpoint
 * (`idempotency_error`). Never retried: the same key can only replay the first request, so send
 * a changed request with a new key.
 */
export class StripeIdempotencyError extends HttpError {
  static override readonly kind: string = 'StripeIdempotencyError';
  override name = 'StripeIdempotencyError';

  constructor(init: HttpErrorInit) {
    super({ ...init, category: 'validation', retryable: false });
  }
}
