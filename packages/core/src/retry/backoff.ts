import type { ResolvedRetryOptions } from './retry-options.js';

/**
 * Computes the wait before retry number `retry` (1 for the first retry): exponential backoff
 * `initialDelayMs * 2^(retry - 1)` capped at `maxDelayMs`, with full jitter unless disabled.
 * The result is always a finite whole number in [0, maxDelayMs], for any `retry`, however large,
 * and for a random source that strays outside [0, 1).
 */
export function computeBackoffMs(
  retry: number,
  options: Pick<ResolvedRetryOptions, 'initialDelayMs' | 'maxDelayMs' | 'jitter' | 'random'>,
): number {
  const exponent = Math.max(0, Math.floor(retry) - 1);
  // 2^1024 is Infinity, so cap the exponent before multiplying; past 2^52 the cap applies anyway.
  const ceiling =
    exponent >= 52
      ? options.maxDelayMs
      : Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** exponent);
  if (options.jitter === 'none') return Math.floor(ceiling);

  const sample = options.random();
  const fraction = Number.isFinite(sample) ? Math.min(Math.max(sample, 0), 1) : 0;
  return Math.min(Math.floor(fraction * (ceiling + 1)), Math.floor(ceiling));
}
