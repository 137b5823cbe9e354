import { rateLimitPolicies } from '../client/rate-limit-policies.js';
import type { FakeReply } from './fake-responses.js';

/** Limits the fake enforces; they mirror HubSpot's per-account limits. */
export interface FakeRateLimits {
  /** @default 100 */
  tenSecondly?: number;
  /** @default 5 */
  searchPerSecond?: number;
  /** @default 250000 */
  daily?: number;
}

const tenSecondsMs = 10_000;

function prune(times: number[], nowMs: number, windowMs: number): void {
  while (times.length > 0 && (times[0] as number) <= nowMs - windowMs) times.shift();
}

/**
 * Counts requests the way HubSpot meters them: a rolling 10-second window for ordinary requests,
 * a one-second window for CRM search, and a daily count that resets at midnight UTC (HubSpot
 * resets at the account's midnight). Rejected requests are not counted. Searches count toward the
 * daily limit but not the ten-secondly one.
 */
export class FakeRateLimiter {
  readonly #limits: Required<FakeRateLimits>;
  readonly #general: number[] = [];
  readonly #search: number[] = [];
  #day = '';
  #dailyCount = 0;

  constructor(limits: FakeRateLimits) {
    this.#limits = { tenSecondly: 100, searchPerSecond: 5, daily: 250_000, ...limits };
  }

  #rollDay(nowMs: number): void {
    const day = new Date(nowMs).toISOString().slice(0, 10);
    if (day !== this.#day) {
      this.#day = day;
      this.#dailyCount = 0;
    }
  }

  /** Admits a request and returns `undefined`, or returns the 429 HubSpot would send. */
  admit(kind: 'general' | 'search', correlationId: string): FakeReply | undefined {
    const nowMs = Date.now();
    this.#rollDay(nowMs);
    prune(this.#general, nowMs, tenSecondsMs);
    prune(this.#search, nowMs, 1_000);

    if (this.#dailyCount >= this.#limits.daily) {
      return this.#tooMany(
        rateLimitPolicies.daily,
        'You have reached your daily limit.',
        correlationId,
        kind,
      );
    }
    if (kind === 'search') {
      if (this.#search.length >= this.#limits.searchPerSecond) {
        return this.#tooMany(
          rateLimitPolicies.secondly,
          'You have reached your secondly limit.',
          correlationId,
          kind,
        );
      }
      this.#search.push(nowMs);
    } else {
      if (this.#general.length >= this.#limits.tenSecondly) {
        return this.#tooMany(
          rateLimitPolicies.tenSecondly,
          'You have reached your ten_secondly_rolling limit.',
          correlationId,
          kind,
        );
      }
      this.#general.push(nowMs);
    }
    this.#dailyCount += 1;
    return undefined;
  }

  /** Returns the `X-HubSpot-RateLimit-*` headers of a non-search response (HubSpot sends none on search responses). */
  headers(): Record<string, string> {
    return {
      'x-hubspot-ratelimit-max': String(this.#limits.tenSecondly),
      'x-hubspot-ratelimit-remaining': String(Math.max(0, this.#limits.tenSecondly - this.#general.length)),
      'x-hubspot-ratelimit-interval-milliseconds': String(tenSecondsMs),
      'x-hubspot-ratelimit-daily': String(this.#limits.daily),
      'x-hubspot-ratelimit-daily-remaining': String(Math.max(0, this.#limits.daily - this.#dailyCount)),
    };
  }

  /** Builds the 429 body and headers of a policy, also for fault injection. */
  tooMany(policyName: string, correlationId: string): FakeReply {
    const messages: Record<string, string> = {
      [rateLimitPolicies.daily]: 'You have reached your daily limit.',
      [rateLimitPolicies.secondly]: 'You have reached your secondly limit.',
    };
    const message = messages[policyName] ?? 'You have reached your ten_secondly_rolling limit.';
    return this.#tooMany(
      policyName,
      message,
      correlationId,
      policyName === rateLimitPolicies.secondly ? 'search' : 'general',
    );
  }

  #tooMany(
    policyName: string,
    message: string,
    correlationId: string,
    kind: 'general' | 'search',
  ): FakeReply {
    return {
      status: 429,
      body: { status: 'error', message, errorType: 'RATE_LIMIT', correlationId, policyName },
      headers: kind === 'search' ? {} : { ...this.headers(), 'x-hubspot-ratelimit-remaining': '0' },
    };
  }
}
