import type { AttemptResult } from './attempt-delivery.js';
import type { AttemptRecord, DeliveryRecord } from './delivery-store.js';
import { retryDelayMs } from './retry-schedule.js';

export interface RetrySettings {
  retryScheduleMs: readonly number[];
  jitter: number;
  random: () => number;
  maxRetryAfterMs: number;
}

/**
 * Appends an attempt to a delivery's log and decides what comes next: `delivered` after a 2xx,
 * `endpoint-disabled` after a 410, another attempt while the schedule has delays left, otherwise
 * `failed`. Returns the updated copy and the new log entry.
 */
export function applyAttemptResult(
  delivery: DeliveryRecord,
  result: AttemptResult,
  webhookTimestamp: number,
  settings: RetrySettings,
): { delivery: DeliveryRecord; attempt: AttemptRecord } {
  const attemptNumber = delivery.attempts.length + 1;
  const finishedAtMs = result.startedAtMs + result.durationMs;
  const scheduledMs = settings.retryScheduleMs[attemptNumber - 1];

  let status = delivery.status;
  let nextAttemptAtMs: number | undefined;
  if (result.outcome === 'delivered') status = 'delivered';
  else if (result.outcome === 'gone') status = 'endpoint-disabled';
  else if (scheduledMs === undefined) status = 'failed';
  else {
    nextAttemptAtMs =
      finishedAtMs +
      retryDelayMs({
        scheduledMs,
        jitter: settings.jitter,
        random: settings.random,
        retryAfterMs: result.retryAfterMs,
        maxRetryAfterMs: settings.maxRetryAfterMs,
      });
  }

  const attempt: AttemptRecord = {
    attempt: attemptNumber,
    startedAtMs: result.startedAtMs,
    durationMs: result.durationMs,
    outcome: result.outcome,
    status: result.status,
    webhookTimestamp,
    ...(result.location === undefined ? {} : { location: result.location }),
    ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
    ...(result.error === undefined ? {} : { error: result.error }),
    nextAttemptAtMs,
  };
  return {
    delivery: { ...delivery, status, nextAttemptAtMs, attempts: [...delivery.attempts, attempt] },
    attempt,
  };
}
