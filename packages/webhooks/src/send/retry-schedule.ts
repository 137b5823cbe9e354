import { ConfigurationError } from '@patchbay/core';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/**
 * Delays before each retry, after an immediate first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h, for 8 attempts over about 27.6 hours. The same shape as the schedule documented by Svix
 * (docs.svix.com/retries) for Standard Webhooks senders.
 */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = Object.freeze([
  5 * second,
  5 * minute,
  30 * minute,
  2 * hour,
  5 * hour,
  10 * hour,
  10 * hour,
]);

/** Default jitter: each delay varies by up to 20% either way, so retries from one outage spread out. */
export const DEFAULT_JITTER = 0.2;

/** Default upper bound for a Retry-After wait: 10 hours, the longest default delay. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 10 * hour;

/** Checks `retryScheduleMs` and returns a frozen copy. */
export function validateRetrySchedule(schedule: readonly number[]): readonly number[] {
  if (!Array.isArray(schedule) || schedule.some((delay) => !Number.isFinite(delay) || delay < 0)) {
    throw new ConfigurationError(
      `retryScheduleMs must be a list of non-negative delays in milliseconds, got ${JSON.stringify(schedule)}.`,
      { option: 'retryScheduleMs' },
    );
  }
  return Object.freeze([...schedule]);
}

/** Checks `jitter`, a fraction between 0 and 1. */
export function validateJitter(jitter: number): number {
  if (!Number.isFinite(jitter) || jitter < 0 || jitter >= 1) {
    throw new ConfigurationError(`jitter must be a fraction from 0 up to (not including) 1, got ${jitter}.`, {
      option: 'jitter',
    });
  }
  return jitter;
}

export interface RetryDelayInput {
  /** Delay the schedule gives for this retry, in milliseconds. */
  scheduledMs: number;
  jitter: number;
  random: () => number;
  /** The endpoint's Retry-After, in milliseconds, if it sent one. */
  retryAfterMs: number | undefined;
  maxRetryAfterMs: number;
}

/**
 * Returns the delay before the next attempt: the scheduled delay with jitter applied, lengthened
 * to the endpoint's Retry-After when that is longer, with Retry-After capped at `maxRetryAfterMs`.
 * Retry-After never shortens the schedule.
 */
export function retryDelayMs(input: RetryDelayInput): number {
  const factor = 1 + input.jitter * (2 * input.random() - 1);
  const jittered = Math.round(input.scheduledMs * factor);
  if (input.retryAfterMs === undefined) return jittered;
  return Math.max(jittered, Math.min(input.retryAfterMs, input.maxRetryAfterMs));
}
