import type { BucketOptions } from '@patchbay/core';
import type { ApiKeyInfo } from './validate-api-key.js';

/** Limiter buckets of a Stripe client: reads (GET), writes (POST, DELETE) and the Search API. */
export type StripeBucket = 'read' | 'write' | 'search';

/** Per-bucket limits; a bucket left out keeps its preset. */
export type StripeLimits = Partial<Record<StripeBucket, BucketOptions>>;

// Source: docs.stripe.com/rate-limits ("Live mode: 100 read operations and 100 write operations;
// Test mode: 25 read operations and 25 write operations"; "Search API: 20 read operations per
// second", counted separately in live and test mode).
// NOTE: newer revisions of that page state one global budget of 100 (live) or 25 (sandbox)
// operations per second, plus 25 per endpoint. The separate read and write buckets follow the
// older wording, so lower `limits` if 429s appear under mixed load.
const presets: Record<ApiKeyInfo['mode'], Record<StripeBucket, BucketOptions>> = {
  live: {
    read: { limit: 100, windowMs: 1000 },
    write: { limit: 100, windowMs: 1000 },
    search: { limit: 20, windowMs: 1000 },
  },
  test: {
    read: { limit: 25, windowMs: 1000 },
    write: { limit: 25, windowMs: 1000 },
    search: { limit: 20, windowMs: 1000 },
  },
};

/**
 * Stripe's documented per-second limits for the key's mode, with `overrides` merged per bucket.
 * A search request uses only the `search` bucket, so it does not also take a `read` slot.
 */
export function stripeRateLimits(
  mode: ApiKeyInfo['mode'],
  overrides: StripeLimits = {},
): Record<StripeBucket, BucketOptions> {
  const preset = presets[mode];
  return {
    read: overrides.read ?? preset.read,
    write: overrides.write ?? preset.write,
    search: overrides.search ?? preset.search,
  };
}
