/** Algorithm of one bucket, as the store applies it. */
export interface StorePolicy {
  /**
   * `sliding-window` admits at most `limit` starts in any `windowMs + marginMs` span, the rule
   * rolling-window and fixed-window servers both enforce. `gcra` spaces requests evenly at
   * `windowMs / limit` and allows a burst of `burst`, like a token bucket.
   */
  algorithm: 'sliding-window' | 'gcra';
  limit: number;
  windowMs: number;
  /** Extra spacing for the sliding window that absorbs differences in network delay. */
  marginMs: number;
  /** GCRA burst size. */
  burst: number;
}

/** A slot the store handed out. */
export interface Reservation {
  /** Pass to `cancel` if the slot goes unused. */
  id: string;
  /** Wait before starting the request, measured on the store's clock, in milliseconds. */
  delayMs: number;
  /** Requests counted in the window at the slot's time, this one included. */
  used: number;
  /** Why the slot is in the future: the limit, a pause, or neither. */
  reason: 'none' | 'limit' | 'paused';
}

/**
 * Shared limiter state. Each method must be atomic per key. Times are measured on the store's
 * own clock and returned as relative delays, so clients with skewed clocks stay consistent.
 * `@patchbay/redis` implements it for many processes; {@link MemoryLimiterStore} is the default.
 */
export interface LimiterStore {
  /** Reserves the earliest free slot after every earlier reservation (FIFO across clients). */
  reserve(key: string, policy: StorePolicy): Promise<Reservation>;
  /** Frees a reservation whose request will not be sent. Unknown ids are ignored. */
  cancel(key: string, id: string): Promise<void>;
  /** Admits nothing on `key` for `durationMs` from now; a shorter pause never shortens a longer one. */
  pause(key: string, durationMs: number): Promise<void>;
}
