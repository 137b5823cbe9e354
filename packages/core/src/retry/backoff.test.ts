import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/request-errors.js';
import { computeBackoffMs } from './backoff.js';
import { resolveRetryOptions } from './retry-options.js';

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('computeBackoffMs', () => {
  it('doubles from the initial delay up to the cap without jitter', () => {
    const options = resolveRetryOptions({ initialDelayMs: 100, maxDelayMs: 500, jitter: 'none' });
    expect([1, 2, 3, 4, 5].map((retry) => computeBackoffMs(retry, options))).toEqual([
      100, 200, 400, 500, 500,
    ]);
  });

  it('keeps every jittered delay a whole number within [0, max]', () => {
    const options = resolveRetryOptions({ initialDelayMs: 100, maxDelayMs: 500, random: seededRandom(42) });
    for (let retry = 1; retry <= 5000; retry += 1) {
      const delay = computeBackoffMs(retry, options);
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(500);
    }
  });

  it('handles retry 1,000,000 without throwing', () => {
    const jittered = resolveRetryOptions({ initialDelayMs: 100, maxDelayMs: 500, random: seededRandom(7) });
    const plain = resolveRetryOptions({ initialDelayMs: 100, maxDelayMs: 500, jitter: 'none' });
    expect(computeBackoffMs(1_000_000, plain)).toBe(500);
    const delay = computeBackoffMs(1_000_000, jittered);
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThanOrEqual(500);
  });

  it('stays bounded for any random source output', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double(),
        fc.integer({ min: 0, max: 10_000 }),
        (retry, sample, maxDelayMs) => {
          const options = resolveRetryOptions({
            initialDelayMs: Math.min(50, maxDelayMs),
            maxDelayMs,
            random: () => sample,
          });
          const delay = computeBackoffMs(retry, options);
          return Number.isInteger(delay) && delay >= 0 && delay <= maxDelayMs;
        },
      ),
    );
  });
});

describe('resolveRetryOptions', () => {
  it('rejects an initial delay above the maximum', () => {
    expect(() => resolveRetryOptions({ initialDelayMs: 1000, maxDelayMs: 500 })).toThrow(ConfigurationError);
    expect(() => resolveRetryOptions({ initialDelayMs: 1000, maxDelayMs: 500 })).toThrow(
      /retry\.initialDelayMs \(1000\) is greater than retry\.maxDelayMs \(500\)/,
    );
  });

  it.each([
    [{ maxRetries: -1 }, 'retry.maxRetries'],
    [{ maxRetries: 1.5 }, 'retry.maxRetries'],
    [{ initialDelayMs: Number.NaN }, 'retry.initialDelayMs'],
    [{ maxRetryAfterMs: Number.POSITIVE_INFINITY }, 'retry.maxRetryAfterMs'],
  ])('rejects %o naming %s', (options, option) => {
    let caught: unknown;
    try {
      resolveRetryOptions(options);
    } catch (error) {
      caught = error;
    }
    expect(ConfigurationError.isInstance(caught)).toBe(true);
    expect((caught as ConfigurationError).option).toBe(option);
  });

  it('uses the documented defaults', () => {
    const resolved = resolveRetryOptions();
    expect(resolved.maxRetries).toBe(3);
    expect(resolved.initialDelayMs).toBe(500);
    expect(resolved.maxDelayMs).toBe(30_000);
    expect(resolved.jitter).toBe('full');
    expect(resolved.maxRetryAfterMs).toBe(60_000);
  });
});
