import type { LimiterStore, Reservation, StorePolicy } from './limiter-store.js';

interface SlidingState {
  kind: 'sliding-window';
  /** Start times in ascending order, with their reservation ids. */
  times: number[];
  ids: string[];
  pausedUntil: number;
}

interface GcraState {
  kind: 'gcra';
  /** Theoretical arrival time of the next request. */
  tat: number;
  pausedUntil: number;
}

type BucketState = SlidingState | GcraState;

/** Computes a sliding-window reservation; exported for the Redis store's tests and scripts. */
export function reserveSliding(
  state: { times: number[]; pausedUntil: number },
  policy: StorePolicy,
  now: number,
) {
  const span = policy.windowMs + policy.marginMs;
  let start = Math.max(now, state.pausedUntil);
  let reason: Reservation['reason'] = start > now ? 'paused' : 'none';
  const count = state.times.length;
  if (count > 0) start = Math.max(start, state.times[count - 1]!);
  if (count >= policy.limit) {
    const freeAt = state.times[count - policy.limit]! + span;
    if (freeAt > start) {
      start = freeAt;
      reason = 'limit';
    }
  }
  let used = 1;
  for (let index = count - 1; index >= 0 && state.times[index]! > start - span; index -= 1) used += 1;
  return { start, used, reason };
}

/** Limiter state in this process: the default store, and the reference the Redis store matches. */
export class MemoryLimiterStore implements LimiterStore {
  readonly #buckets = new Map<string, BucketState>();
  #nextId = 0;

  async reserve(key: string, policy: StorePolicy): Promise<Reservation> {
    const now = Date.now();
    const id = String(++this.#nextId);
    if (policy.algorithm === 'gcra') return this.#reserveGcra(key, policy, now, id);

    let state = this.#buckets.get(key);
    if (state?.kind !== 'sliding-window') {
      state = { kind: 'sliding-window', times: [], ids: [], pausedUntil: 0 };
      this.#buckets.set(key, state);
    }
    // Drop starts that can no longer fall in any window that matters.
    const span = policy.windowMs + policy.marginMs;
    let drop = 0;
    while (drop < state.times.length && state.times[drop]! <= now - span) drop += 1;
    if (drop > 0) {
      state.times.splice(0, drop);
      state.ids.splice(0, drop);
    }

    const { start, used, reason } = reserveSliding(state, policy, now);
    state.times.push(start);
    state.ids.push(id);
    return { id, delayMs: start - now, used, reason };
  }

  #reserveGcra(key: string, policy: StorePolicy, now: number, id: string): Reservation {
    let state = this.#buckets.get(key);
    if (state?.kind !== 'gcra') {
      state = { kind: 'gcra', tat: now, pausedUntil: 0 };
      this.#buckets.set(key, state);
    }
    const interval = policy.windowMs / policy.limit;
    const tolerance = interval * (policy.burst - 1);
    const earliest = Math.max(now, state.pausedUntil);
    const allowedAt = Math.max(earliest, state.tat - tolerance);
    state.tat = Math.max(state.tat, allowedAt) + interval;
    const reason: Reservation['reason'] =
      allowedAt <= now ? 'none' : state.pausedUntil > now ? 'paused' : 'limit';
    const used = Math.min(policy.limit, Math.max(1, Math.ceil((state.tat - allowedAt) / interval)));
    return { id, delayMs: Math.ceil(allowedAt - now), used, reason };
  }

  async cancel(key: string, id: string): Promise<void> {
    const state = this.#buckets.get(key);
    if (state?.kind !== 'sliding-window') return;
    const index = state.ids.indexOf(id);
    if (index === -1) return;
    state.times.splice(index, 1);
    state.ids.splice(index, 1);
  }

  async pause(key: string, durationMs: number): Promise<void> {
    const until = Date.now() + Math.max(0, durationMs);
    const state = this.#buckets.get(key);
    if (state) state.pausedUntil = Math.max(state.pausedUntil, until);
    else this.#buckets.set(key, { kind: 'sliding-window', times: [], ids: [], pausedUntil: until });
  }
}
