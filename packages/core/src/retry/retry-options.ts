import { ConfigurationError } from '../errors/request-errors.js';

/** How failed attempts are retried. Every field is optional on the client and per call. */
export interface RetryOptions {
  /**
   * Retries after the first attempt; `0` sends exactly one attempt, whatever the failure.
   * @default 3
   */
  maxRetries?: number;
  /**
   * Backoff before the first retry, in milliseconds; each later retry doubles it.
   * @default 500
   */
  initialDelayMs?: number;
  /**
   * Upper bound of any backoff delay, in milliseconds.
   * @default 30000
   */
  maxDelayMs?: number;
  /**
   * `full` picks each delay uniformly in [0, backoff]; `none` uses the backoff itself.
   * @default 'full'
   */
  jitter?: 'full' | 'none';
  /**
   * Longest wait a service may demand through Retry-After (or a service hint) before the call
   * fails fast with the rate-limit error instead of retrying early, in milliseconds.
   * @default 60000
   */
  maxRetryAfterMs?: number;
  /**
   * Random source in [0, 1) for jitter, replaceable for deterministic tests.
   * @default Math.random
   */
  random?: () => number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export const retryDefaults: ResolvedRetryOptions = Object.freeze({
  maxRetries: 3,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  jitter: 'full',
  maxRetryAfterMs: 60_000,
  random: Math.random,
});

function requireWholeNumber(name: string, value: number, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new ConfigurationError(
      `retry.${name} must be a whole number >= ${minimum}; received ${String(value)}.`,
      { option: `retry.${name}` },
    );
  }
}

/** Merges retry options over the defaults and rejects invalid values with a ConfigurationError. */
export function resolveRetryOptions(...layers: Array<RetryOptions | undefined>): ResolvedRetryOptions {
  const resolved = { ...retryDefaults };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
    }
  }

  requireWholeNumber('maxRetries', resolved.maxRetries, 0);
  requireWholeNumber('initialDelayMs', resolved.initialDelayMs, 0);
  requireWholeNumber('maxDelayMs', resolved.maxDelayMs, 0);
  requireWholeNumber('maxRetryAfterMs', resolved.maxRetryAfterMs, 0);
  if (resolved.initialDelayMs > resolved.maxDelayMs) {
    throw new ConfigurationError(
      `retry.initialDelayMs (${resolved.initialDelayMs}) is greater than retry.maxDelayMs (${resolved.maxDelayMs}); lower the first or raise the second.`,
      { option: 'retry.initialDelayMs' },
    );
  }
  if (resolved.jitter !== 'full' && resolved.jitter !== 'none') {
    throw new ConfigurationError(
      `retry.jitter must be 'full' or 'none'; received ${String(resolved.jitter)}.`,
      {
        option: 'retry.jitter',
      },
    );
  }
  if (typeof resolved.random !== 'function') {
    throw new ConfigurationError('retry.random must be a function returning a number in [0, 1).', {
      option: 'retry.random',
    });
  }
  return resolved;
}
