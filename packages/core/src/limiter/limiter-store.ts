/** Algorithm of one bucket, as the store applies it. */
export interface StorePolicy {
  /**
   * `sliding-window` admits a request only while fewer than `limit` requests are in flight or
   * finished within the last `windowMs + marginMs`, the rule rolling-window and fixed-window
   * servers both enforce. `gcra` spaces requests evenly at `windowMs / limit` and allows a burst
   * of `burst`, like a token bucket.
   */
  algorithm: 'sliding-window' | 'gcra';
  limit: number;
  windowMs: number;
  /** Extra spacing for the sliding window. */
  marginMs: number;
  /** GCRA burst size. */
  burst: number;
}

/** A slot the store handed out. */
export interface Reservation {
  /** Pass to `confirm`, `complete` or `cancel`. */
  id: string;
  /**
   * Wait before calling `confirm`, measured on the store's clock, in milliseconds. `0` means the
   * request has already started: it counts as in flight, so skip `confirm` and send it now.
   */
  delayMs: number;
  /** Requests counted in the window at the slot's time, this one included. */
  used: number;
  /** Why the slot is in the future: the limit, a pause, or neither. */
  reason: 'none' | 'limit' | 'paused';
}

/**
 * Shared limiter state. Each method must be atomic per key. Times are measured on the store's
 * own clock and returned as relative delays, so clients with skewed clocks stay consistent.
 * `@patchbay/redis` implements it for many processes; `MemoryLimiterStore` is the default and
 * the reference.
 *
 * A sliding-window request moves through three states: scheduled (`reserve` gave it an estimated
 * slot), in flight (`confirm` or an immediate `reserve` started it), finished (`complete`). It
 * counts against the window from the moment it starts until `windowMs + marginMs` after it
 * finished, because the server counted it at some moment in between.
 */
export interface LimiterStore {
  /** Reserves the earliest estimated slot after every earlier reservation (FIFO across clients). */
  reserve(key: string, policy: StorePolicy): Promise<Reservation>;
  /** Starts a scheduled request if the window allows it now (returns 0), or returns the wait before trying again. */
  confirm(key: string, id: string, policy: StorePolicy): Promise<number>;
  /** Marks a started request as finished (its response arrived or the attempt failed). */
  complete(key: string, id: string, policy: StorePolicy): Promise<void>;
  /** Drops a request that will not be sent; a started one is treated as finished. Unknown ids are ignored. */
  cancel(key: string, id: string, policy: StorePolicy): Promise<void>;
  /** Admits nothing on `key` for `durationMs` from now; a shorter pause never shortens a longer one. */
  pause(key: string, durationMs: number): Promise<void>;
}
