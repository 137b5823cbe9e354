/**
 * Result of {@link DedupStore.claim}: `'claimed'` when this caller now owns the event,
 * `'duplicate'` when it was already processed, `'in-progress'` when another request holds the claim.
 */
export type DedupClaim = 'claimed' | 'duplicate' | 'in-progress';

/**
 * Remembers which events were processed, so a redelivery is skipped. The receiver calls `claim`
 * before a handler runs, `markProcessed` after it succeeds and `release` after it throws, so the
 * sender's retry is processed.
 *
 * A Redis implementation fits in three commands. `claim` is
 * `SET key processing NX PX leaseMs`, which means `'claimed'` on OK. Otherwise a `GET` tells
 * `processed` (duplicate) from `processing` (in progress). `markProcessed` is
 * `SET key processed PX ttlMs` and `release` is `DEL key`.
 */
export interface DedupStore {
  /**
   * Atomically claims `key` unless it is processed or claimed. A claim expires after `leaseMs`,
   * so a process that crashed mid-handler does not block the event forever.
   */
  claim(key: string, leaseMs: number): DedupClaim | Promise<DedupClaim>;
  /** Records `key` as processed for `ttlMs`, so redeliveries within that time are duplicates. */
  markProcessed(key: string, ttlMs: number): void | Promise<void>;
  /** Drops the claim on `key` so the next delivery is processed. */
  release(key: string): void | Promise<void>;
}

export interface DedupeOptions {
  /** @default a MemoryDedupStore with its default limits */
  store?: DedupStore;
  /**
   * How long a processed event id is remembered, in milliseconds. Keep it longer than the
   * sender's retry window: Stripe retries for up to 3 days.
   * @default 259200000 (3 days)
   */
  ttlMs?: number;
  /** How long a claim lasts while a handler runs, in milliseconds. @default 300000 (5 minutes) */
  leaseMs?: number;
}

export const DEFAULT_DEDUPE_TTL_MS = 3 * 24 * 60 * 60 * 1000;
export const DEFAULT_DEDUPE_LEASE_MS = 5 * 60 * 1000;
