import { type Classification, categoryForStatus, type ResponseInfo } from '@patchbay/core';
import { StripeCardError } from './stripe-card-error.js';
import { readStripeErrorBody } from './stripe-error-body.js';
import { StripeIdempotencyError } from './stripe-idempotency-error.js';
import { StripeInvalidRequestError } from './stripe-invalid-request-error.js';
import { StripeLockTimeoutError } from './stripe-lock-timeout-error.js';

function shouldRetryHint(headers: Record<string, string>): boolean | undefined {
  const value = headers['stripe-should-retry']?.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/**
 * Reads a failed Stripe response from structured fields only: the status, `error.type`,
 * `error.code` and the `Stripe-Should-Retry` header. Sources: docs.stripe.com/api/errors (types
 * and codes), docs.stripe.com/error-low-level (status codes, idempotency), docs.stripe.com/rate-limits
 * (429). `Stripe-Should-Retry` and the retry of 429 `lock_timeout` follow Stripe's official SDKs,
 * which honor both; the API reference pages above do not describe them.
 *
 * - `card_error` (402): payment, never retried, even with `Stripe-Should-Retry: true`.
 * - 409 (such as `idempotency_key_in_use`): retried with the same key.
 * - `idempotency_error` with another status: validation, never retried, even with the header.
 * - 429 with code `lock_timeout`: its own error class, retried.
 * - `Stripe-Should-Retry: true` or `false` overrides the status-based decision of other responses.
 */
export function classifyStripeResponse(response: ResponseInfo): Classification {
  const error = readStripeErrorBody(response.body);
  const requestId = response.headers['request-id'];
  const classification: Classification = {
    code: error?.code ?? error?.type,
    message: error?.message,
    requestId,
  };

  if (error?.type === 'card_error' || response.status === 402) {
    return {
      ...classification,
      category: 'payment',
      retryable: false,
      createError: (init) => new StripeCardError(init),
    };
  }
  const hint = shouldRetryHint(response.headers);
  if (response.status === 409) {
    // The usual cause is `idempotency_key_in_use`: a concurrent request with the same key is still
    // running, so the same key is sent again after a wait and then replays that request's result.
    // This check comes before the idempotency_error one because that code may arrive with either
    // error type.
    return { ...classification, category: 'conflict', retryable: hint ?? true };
  }
  if (error?.type === 'idempotency_error') {
    return {
      ...classification,
      category: 'validation',
      retryable: false,
      createError: (init) => new StripeIdempotencyError(init),
    };
  }

  if (response.status === 429 && error?.code === 'lock_timeout') {
    return {
      ...classification,
      category: 'conflict',
      retryable: hint ?? true,
      createError: (init) => new StripeLockTimeoutError(init),
    };
  }
  if (response.status === 429) {
    // Rate-limit bodies also carry `invalid_request_error`; the default RateLimitError keeps
    // throttling distinct from bad parameters.
    return hint === undefined ? classification : { ...classification, retryable: hint };
  }
  if (error?.type === 'invalid_request_error') {
    return {
      ...classification,
      category: categoryForStatus(response.status).category,
      ...(hint === undefined ? {} : { retryable: hint }),
      createError: (init) => new StripeInvalidRequestError(init),
    };
  }
  return hint === undefined ? classification : { ...classification, retryable: hint };
}
