import { describe, expect, it } from 'vitest';
import { computeBackoffMs } from './backoff.js';
import { parseHttpDate, parseRetryAfterMs } from './parse-retry-after.js';
import { resolveRetryOptions } from './retry-options.js';

const now = Date.parse('2025-01-01T00:00:00Z');

/** The wait the pipeline uses: the service's demand when usable, else the 500 ms backoff. */
function waitFor(headers: Record<string, string>): number {
  const backoff = computeBackoffMs(1, resolveRetryOptions({ initialDelayMs: 500, jitter: 'none' }));
  return parseRetryAfterMs(headers, now) ?? backoff;
}

describe('parseRetryAfterMs', () => {
  it.each([
    ['7', 7000],
    ['Wed, 01 Jan 2025 00:00:05 GMT', 5000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 500],
    ['-5', 500],
    ['1.5', 500],
    ['soon', 500],
    ['0', 0],
    ['', 500],
    ['  12  ', 12_000],
  ])('Retry-After %j waits %i ms', (value, expected) => {
    expect(waitFor({ 'retry-after': value })).toBe(expected);
  });

  it('reads every HTTP-date form in UTC', () => {
    expect(parseRetryAfterMs({ 'retry-after': 'Wednesday, 01-Jan-25 00:00:05 GMT' }, now)).toBe(5000);
    expect(parseRetryAfterMs({ 'retry-after': 'Wed Jan  1 00:00:05 2025' }, now)).toBe(5000);
    expect(parseRetryAfterMs({ 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }, now)).toBe(5000);
  });

  it('rejects impossible and malformed dates', () => {
    expect(parseHttpDate('Fri, 31 Feb 2025 00:00:00 GMT')).toBeUndefined();
    expect(parseHttpDate('Wed, 01 Foo 2025 00:00:05 GMT')).toBeUndefined();
    expect(parseHttpDate('2025-01-01T00:00:05Z')).toBeUndefined();
    expect(parseRetryAfterMs({ 'retry-after': '2025-01-01T00:00:05Z' }, now)).toBeUndefined();
  });

  it('prefers retry-after-ms and falls back on bad values', () => {
    expect(parseRetryAfterMs({ 'retry-after-ms': '1500', 'retry-after': '7' }, now)).toBe(1500);
    expect(parseRetryAfterMs({ 'retry-after-ms': '0' }, now)).toBe(0);
    expect(parseRetryAfterMs({ 'retry-after-ms': '-1', 'retry-after': '7' }, now)).toBe(7000);
    expect(parseRetryAfterMs({ 'retry-after-ms': '2.5' }, now)).toBeUndefined();
    expect(parseRetryAfterMs({ 'retry-after-ms': 'later' }, now)).toBeUndefined();
  });

  it('treats a date equal to now as no demand', () => {
    expect(parseRetryAfterMs({ 'retry-after': 'Wed, 01 Jan 2025 00:00:00 GMT' }, now)).toBeUndefined();
  });
});
