import type { ClientEvents, EventBus } from '@patchbay/core';

/** Request counts of one service, taken from the client's typed events. */
export interface ServiceHttpMetrics {
  /** Attempts sent, retries included. */
  attempts: number;
  retries: number;
  /** Retries by reason, such as `rate_limit 429` or `network ECONNRESET`. */
  retryReasons: Record<string, number>;
  /** Responses with status 429. */
  rateLimited: number;
  /** Calls that failed after every retry. */
  failedCalls: number;
  /** Time spent waiting for the limiter, in milliseconds. */
  limiterWaitMs: number;
}

export function emptyHttpMetrics(): ServiceHttpMetrics {
  return { attempts: 0, retries: 0, retryReasons: {}, rateLimited: 0, failedCalls: 0, limiterWaitMs: 0 };
}

/** Counts one client's requests, retries and 429s; returns the live counters. */
export function trackHttp(
  events: EventBus<ClientEvents>,
  metrics: ServiceHttpMetrics = emptyHttpMetrics(),
): ServiceHttpMetrics {
  events.on('request', () => {
    metrics.attempts += 1;
  });
  events.on('response', (event) => {
    if (event.status === 429) metrics.rateLimited += 1;
  });
  events.on('retry', (event) => {
    metrics.retries += 1;
    metrics.retryReasons[event.reason] = (metrics.retryReasons[event.reason] ?? 0) + 1;
  });
  events.on('error', () => {
    metrics.failedCalls += 1;
  });
  events.on('rate-limited', (event) => {
    metrics.limiterWaitMs += event.waitMs;
  });
  return metrics;
}
