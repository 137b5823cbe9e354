import type { RetryOptions, TimeoutOptions } from '@patchbay/core';

/** Per-call settings shared by every operation. */
export interface StripeCallOptions {
  /**
   * Sent as `Idempotency-Key` on a POST, on every attempt. Pass a key derived from your own
   * record (such as `order-42-payment`) so that a re-run of the whole job replays Stripe's first
   * result instead of charging again. Stripe keeps keys for at least 24 hours.
   * @default a random key generated once per call
   */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Acts on this connected account (`acct_...`) for this call, overriding the client's. */
  stripeAccount?: string;
  /** Fields to expand in the response, such as `['customer']`. */
  expand?: readonly string[];
  retry?: RetryOptions;
  timeout?: TimeoutOptions;
}
