import { HttpError } from '../errors/http-error.js';
import type { PatchbayError } from '../errors/patchbay-error.js';
import { computeBackoffMs } from './backoff.js';
import type { ResolvedRetryOptions } from './retry-options.js';

export interface RetryInput {
  error: PatchbayError;
  /** Retries already made in this call. */
  retriesSoFar: number;
  options: ResolvedRetryOptions;
  method: string;
  /** The method is idempotent, the call has an idempotency key, or the caller marked it safe. */
  repeatable: boolean;
  /** `stream` bodies can be sent only once. */
  bodyKind: 'none' | 'bytes' | 'stream' | 'factory';
}

export type RetryDecision =
  | { retry: true; delayMs: number; delaySource: 'backoff' | 'retry-after' }
  | {
      retry: false;
      /** Set when a retryable failure was not retried, for the error message. */
      reason?: string;
      /** The demanded wait exceeded `maxRetryAfterMs`. */
      waitTooLong?: boolean;
    };

/** Decides whether a failed attempt is retried and after what wait. Reads structured fields only. */
export function decideRetry(input: RetryInput): RetryDecision {
  const { error, options } = input;
  if (!error.retryable) return { retry: false };

  if (input.retriesSoFar >= options.maxRetries) {
    return { retry: false, reason: `retry.maxRetries (${options.maxRetries}) reached` };
  }
  if (input.bodyKind === 'stream') {
    return {
      retry: false,
      reason:
        'the request body is a one-shot stream that was already sent; pass a function that returns a fresh stream to allow retries',
    };
  }
  const notProcessed = HttpError.isInstance(error) && error.notProcessed;
  if (!input.repeatable && !notProcessed) {
    return {
      retry: false,
      reason: `${input.method} is not idempotent and the call has no idempotency key, so a retry could repeat its effect; pass idempotencyKey (or idempotent: true for an operation that is safe to repeat)`,
    };
  }

  const demandedMs = HttpError.isInstance(error) ? error.retryAfterMs : undefined;
  if (demandedMs !== undefined) {
    if (demandedMs > options.maxRetryAfterMs) {
      return {
        retry: false,
        waitTooLong: true,
        reason: `the service asked to wait ${demandedMs} ms, more than retry.maxRetryAfterMs (${options.maxRetryAfterMs} ms), so the call fails now instead of retrying early`,
      };
    }
    return { retry: true, delayMs: demandedMs, delaySource: 'retry-after' };
  }

  return { retry: true, delayMs: computeBackoffMs(input.retriesSoFar + 1, options), delaySource: 'backoff' };
}
