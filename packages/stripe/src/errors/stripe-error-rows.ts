import type { ServiceErrorRow } from '@patchbay/core';

/**
 * Stripe's own error signals, each with the Patchbay category it maps to. `classifyStripeResponse`
 * implements these rows and the README renders them, so a test can hold the two together.
 */
export const stripeErrorRows: readonly ServiceErrorRow[] = [
  {
    when: '402 `card_error` (any `decline_code`)',
    category: 'payment',
    retried: 'never, even with `Stripe-Should-Retry: true`',
    action:
      '`StripeCardError` carries `declineCode`, `paymentIntentId` and `code`; ask the customer for another payment method.',
  },
  {
    when: '400 `invalid_request_error`',
    category: 'validation',
    retried: 'no, unless `Stripe-Should-Retry: true`',
    action: '`StripeInvalidRequestError.param` names the parameter to fix.',
  },
  {
    when: '404 `invalid_request_error` with code `resource_missing`',
    category: 'not_found',
    retried: 'no',
    action: 'Check the id, the mode (test or live) and the `stripeAccount`.',
  },
  {
    when: '400 `idempotency_error`',
    category: 'validation',
    retried: 'never',
    action:
      '`StripeIdempotencyError`: the key was used with other parameters; send the changed request with a new key.',
  },
  {
    when: '409 (such as `idempotency_key_in_use`)',
    category: 'conflict',
    retried: 'yes, with the same idempotency key',
    action: 'A concurrent request with the same key is running; the retry replays its result.',
  },
  {
    when: '429 with code `lock_timeout`',
    category: 'conflict',
    retried: 'yes; the limiter is not paused',
    action: '`StripeLockTimeoutError`: another request held the object; serialize updates of one object.',
  },
  {
    when: '429 `rate_limit`',
    category: 'rate_limit',
    retried: 'yes',
    action: 'Lower the `limits` of the read, write or search bucket, or spread the work.',
  },
  {
    when: '401 (invalid, expired or revoked key)',
    category: 'authentication',
    retried: 'no',
    action: 'Check the key and its mode; roll it in the Dashboard if it leaked.',
  },
  {
    when: '403 (restricted key without the permission)',
    category: 'permission',
    retried: 'no',
    action: 'Grant the restricted key the resource permission it lacks.',
  },
  {
    when: '500, 502, 503, 504 `api_error`',
    category: 'server',
    retried: 'yes, unless `Stripe-Should-Retry: false`',
    action: 'Retried with the same idempotency key, so a write happens at most once.',
  },
];
