import type { DedupClaim, DedupStore } from './dedup-store.js';

export interface MemoryDedupStoreOptions {
  /** Entries kept before the oldest are evicted. @default 10000 */
  maxEntries?: number;
  /** Clock in epoch milliseconds. @default Date.now */
  now?: () => number;
}

interface Entry {
  state: 'processing' | 'processed';
  expiresAtMs: number;
}

/**
 * An in-process {@link DedupStore} with expiry and a size bound. When full, the entry written
 * longest ago is evicted, so an evicted id that is redelivered is processed again. Suits a single
 * process. Several instances need a shared store such as Redis.
 */
export class MemoryDedupStore implements DedupStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: MemoryDedupStoreOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#now = options.now ?? (() => Date.now());
  }

  /** Number of entries currently held, including expired ones not yet swept. */
  get size(): number {
    return this.#entries.size;
  }

  claim(key: string, leaseMs: number): DedupClaim {
    const entry = this.#live(key);
    if (entry?.state === 'processed') return 'duplicate';
    if (entry?.state === 'processing') return 'in-progress';
    this.#write(key, { state: 'processing', expiresAtMs: this.#now() + leaseMs });
    return 'claimed';
  }

  markProcessed(key: string, ttlMs: number): void {
    this.#write(key, { state: 'processed', expiresAtMs: this.#now() + ttlMs });
  }

  release(key: string): void {
    if (this.#entries.get(key)?.state === 'processing') this.#entries.delete(key);
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAtMs <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #write(key: string, entry: Entry): void {
    // Re-inserting moves the key to the end of the Map's insertion order, which is the eviction order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size <= this.#maxEntries) return;

    const now = this.#now();
    for (const [candidate, value] of this.#entries) {
      if (value.expiresAtMs <= now) this.#entries.delete(candidate);
    }
    for (const candidate of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(candidate);
    }
  }
}
