import type { HeaderLimits } from '@patchbay/core';

function read(headers: Record<string, string>, name: string): number | undefined {
  const raw = headers[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** Milliseconds from `nowMs` to the next midnight UTC. */
function untilUtcMidnight(nowMs: number): number {
  const next = new Date(nowMs);
  next.setUTCHours(24, 0, 0, 0);
  return next.getTime() - nowMs;
}

/**
 * Reads HubSpot's rate-limit headers: `X-HubSpot-RateLimit-Max`, `-Remaining` and
 * `-Interval-Milliseconds` describe the ten-secondly window, `-Daily` and `-Daily-Remaining`
 * the daily budget (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines).
 * A spent daily budget pauses the bucket until midnight.
 */
export function parseHubSpotRateLimitHeaders(headers: Record<string, string>): HeaderLimits | undefined {
  const limit = read(headers, 'x-hubspot-ratelimit-max');
  const remaining = read(headers, 'x-hubspot-ratelimit-remaining');
  const windowMs = read(headers, 'x-hubspot-ratelimit-interval-milliseconds');
  const dailyRemaining = read(headers, 'x-hubspot-ratelimit-daily-remaining');
  if (limit === undefined && remaining === undefined && dailyRemaining === undefined) return undefined;

  if (dailyRemaining === 0) {
    // NOTE: HubSpot resets the daily count at midnight in the account's time zone, which the
    // headers do not give. Midnight UTC is used instead, so the pause may be off by hours.
    return { limit, windowMs, remaining: 0, resetMs: untilUtcMidnight(Date.now()) };
  }
  return { limit, remaining, windowMs };
}
