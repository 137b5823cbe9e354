import { HttpError, type HttpErrorInit } from '@patchbay/core';

/**
 * Another request held the lock on the same Stripe object for too long (HTTP 429 with code
 * `lock_timeout`). Unlike a rate limit, it does not reflect the account's request rate, so it
 * does not pause the limiter. It is retried with backoff, and concurrent updates of one object
 * (one customer, one invoice) are better serialized.
 */
export class StripeLockTimeoutError extends HttpError {
  static override readonly kind: string = 'StripeLockTimeoutError';
  override name = 'StripeLockTimeoutError';

  constructor(init: HttpErrorInit) {
    super({ ...init, category: 'conflict' });
  }
}
