import { type LimiterAttachment, type LimiterStore, RateLimiter, type RequestLimiter } from '@patchbay/core';
import type { HubSpotLimits } from './hubspot-limits.js';
import { parseHubSpotRateLimitHeaders } from './parse-rate-limit-headers.js';

/** Limiter bucket of CRM search requests. */
export const searchBucket = 'search';

export interface HubSpotLimiterOptions {
  limits: HubSpotLimits;
  store?: LimiterStore | undefined;
  /** Requests in flight at once, in this process. */
  concurrency?: number | undefined;
}

function withoutRateLimitHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.startsWith('x-hubspot-ratelimit-')),
  );
}

/**
 * Two buckets: `default` for the ten-secondly burst limit and `search` for the per-second search
 * limit, so searches wait for their own budget without holding up other requests. The
 * `X-HubSpot-RateLimit-*` headers describe the burst window, so they adjust only the default
 * bucket; on a search response they are ignored.
 */
export class HubSpotLimiter implements RequestLimiter {
  readonly #inner: RateLimiter;

  constructor(options: HubSpotLimiterOptions) {
    this.#inner = new RateLimiter({
      buckets: {
        default: { limit: options.limits.tenSecondly, windowMs: 10_000 },
        [searchBucket]: { limit: options.limits.searchPerSecond, windowMs: 1_000 },
      },
      store: options.store,
      concurrency: options.concurrency,
      parseHeaders: parseHubSpotRateLimitHeaders,
      keyPrefix: 'patchbay',
    });
  }

  attach(attachment: LimiterAttachment): void {
    this.#inner.attach(attachment);
  }

  acquire(request: Parameters<RequestLimiter['acquire']>[0]) {
    return this.#inner.acquire(request);
  }

  observe(
    request: Parameters<RequestLimiter['observe']>[0],
    observation: Parameters<RequestLimiter['observe']>[1],
  ) {
    const headers =
      request.bucket === searchBucket ? withoutRateLimitHeaders(observation.headers) : observation.headers;
    this.#inner.observe(request, { ...observation, headers });
  }

  /** Returns the policy in force for a bucket, after any adjustment from headers. */
  policy(bucket: string) {
    return this.#inner.policy(bucket);
  }
}
