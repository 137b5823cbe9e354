import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_SCHEDULE_MS,
  retryDelayMs,
  validateJitter,
  validateRetrySchedule,
} from './retry-schedule.js';

const base = { scheduledMs: 10_000, jitter: 0.2, retryAfterMs: undefined, maxRetryAfterMs: 3_600_000 };

describe('retry schedule', () => {
  it('has the documented default delays', () => {
    expect(DEFAULT_RETRY_SCHEDULE_MS).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
  });

  it('applies up to 20% jitter either way', () => {
    expect(retryDelayMs({ ...base, random: () => 0 })).toBe(8_000);
    expect(retryDelayMs({ ...base, random: () => 0.5 })).toBe(10_000);
    expect(retryDelayMs({ ...base, random: () => 0.999_999 })).toBe(12_000);
  });

  it('applies no jitter when jitter is 0', () => {
    expect(retryDelayMs({ ...base, jitter: 0, random: () => 0 })).toBe(10_000);
  });

  it('lengthens the delay to Retry-After within the cap', () => {
    expect(retryDelayMs({ ...base, jitter: 0, random: Math.random, retryAfterMs: 60_000 })).toBe(60_000);
    expect(retryDelayMs({ ...base, jitter: 0, random: Math.random, retryAfterMs: 9_999_999 })).toBe(
      3_600_000,
    );
    expect(retryDelayMs({ ...base, jitter: 0, random: Math.random, retryAfterMs: 1_000 })).toBe(10_000);
  });

  it('rejects invalid settings', () => {
    expect(() => validateRetrySchedule([1_000, -1])).toThrow('retryScheduleMs');
    expect(() => validateJitter(1)).toThrow('jitter');
    expect(() => validateJitter(-0.1)).toThrow('jitter');
  });
});
