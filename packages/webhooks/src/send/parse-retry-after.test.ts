import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parse-retry-after.js';

const nowMs = Date.UTC(2023, 10, 14, 22, 13, 20);

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', nowMs)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', nowMs)).toBe(0);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Tue, 14 Nov 2023 22:14:20 GMT', nowMs)).toBe(60_000);
  });

  it('returns 0 for a date in the past', () => {
    expect(parseRetryAfter('Tue, 14 Nov 2023 22:00:00 GMT', nowMs)).toBe(0);
  });

  it('reads the first of several values', () => {
    expect(parseRetryAfter(['5', '10'], nowMs)).toBe(5_000);
  });

  it.each([undefined, '', '-5', '1.5', 'soon'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, nowMs)).toBeUndefined();
  });
});
