import type { LimiterStore, Reservation, StorePolicy } from './limiter-store.js';

/** Sliding-window state of one key. Every list is in ascending time order. */
interface SlidingState {
  kind: 'sliding-window';
  /** Finish times of completed requests still inside the window. */
  finished: number[];
  /** Start times of requests in flight, by id. */
  inFlight: Map<string, number>;
  /** Scheduled requests: estimated start times with their ids. */
  scheduledTimes: number[];
  scheduledIds: string[];
  pausedUntil: number;
}

interface GcraState {
  kind: 'gcra';
  /** Theoretical arrival time of the next request. */
  tat: number;
  pausedUntil: number;
}

type BucketState = SlidingState | GcraState;

function insertSorted(times: number[], ids: string[], time: number, id: string): void {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((times[middle] as number) <= time) low = middle + 1;
    else high = middle;
  }
  times.splice(low, 0, time);
  ids.splice(low, 0, id);
}

/** Limiter state in this process: the default store, and the reference the Redis store matches. */
export class MemoryLimiterStore implements LimiterStore {
  readonly #buckets = new Map<string, BucketState>();
  #nextId = 0;

  #sliding(key: string, policy: StorePolicy, now: number): SlidingState {
    let state = this.#buckets.get(key);
    if (state?.kind !== 'sliding-window') {
      state = {
        kind: 'sliding-window',
        finished: [],
        inFlight: new Map(),
        scheduledTimes: [],
        scheduledIds: [],
        pausedUntil: state?.pausedUntil ?? 0,
      };
      this.#buckets.set(key, state);
    }
    const cutoff = now - policy.windowMs - policy.marginMs;
    let drop = 0;
    while (drop < state.finished.length && (state.finished[drop] as number) <= cutoff) drop += 1;
    if (drop > 0) state.finished.splice(0, drop);
    return state;
  }

  async reserve(key: string, policy: StorePolicy): Promise<Reservation> {
    const now = Date.now();
    const id = String(++this.#nextId);
    if (policy.algorithm === 'gcra') return this.#reserveGcra(key, policy, now, id);

    const state = this.#sliding(key, policy, now);
    const span = policy.windowMs + policy.marginMs;
    // Requests in time order: finished, then in flight (counted as "now"), then scheduled.
    const finishedCount = state.finished.length;
    const inFlightCount = state.inFlight.size;
    const total = finishedCount + inFlightCount + state.scheduledTimes.length;
    const at = (index: number): number =>
      index < finishedCount
        ? (state.finished[index] as number)
        : index < finishedCount + inFlightCount
          ? now
          : (state.scheduledTimes[index - finishedCount - inFlightCount] as number);

    let start = Math.max(now, state.pausedUntil);
    let reason: Reservation['reason'] = start > now ? 'paused' : 'none';
    if (total > 0) start = Math.max(start, at(total - 1));
    if (total >= policy.limit) {
      const freeAt = at(total - policy.limit) + span;
      if (freeAt > start) {
        start = freeAt;
        reason = 'limit';
      }
    }
    const used = Math.min(policy.limit, total + 1);

    if (start <= now) {
      state.inFlight.set(id, now);
      return { id, delayMs: 0, used, reason };
    }
    state.scheduledTimes.push(start);
    state.scheduledIds.push(id);
    return { id, delayMs: start - now, used, reason };
  }

  async confirm(key: string, id: string, policy: StorePolicy): Promise<number> {
    if (policy.algorithm === 'gcra') return 0;
    const now = Date.now();
    const state = this.#sliding(key, policy, now);
    const index = state.scheduledIds.indexOf(id);
    if (index !== -1) {
      state.scheduledTimes.splice(index, 1);
      state.scheduledIds.splice(index, 1);
    }

    const counted = state.finished.length + state.inFlight.size;
    if (counted < policy.limit && now >= state.pausedUntil) {
      state.inFlight.set(id, now);
      return 0;
    }
    // The oldest finished requests leave the window first; requests in flight leave it at the
    // earliest one window after now.
    const mustLeave = counted - policy.limit + 1;
    const span = policy.windowMs + policy.marginMs;
    const freeAt =
      mustLeave <= 0
        ? now
        : mustLeave <= state.finished.length
          ? (state.finished[mustLeave - 1] as number) + span
          : now + span;
    const retryAt = Math.max(freeAt, state.pausedUntil, now + 1);
    insertSorted(state.scheduledTimes, state.scheduledIds, retryAt, id);
    return retryAt - now;
  }

  async complete(key: string, id: string, policy: StorePolicy): Promise<void> {
    const state = this.#buckets.get(key);
    if (state?.kind !== 'sliding-window' || !state.inFlight.delete(id)) return;
    // Finish times arrive in clock order, so appending keeps the list sorted unless the clock stepped back.
    const now = Date.now();
    const last = state.finished.at(-1);
    if (last === undefined || last <= now) state.finished.push(now);
    else insertSorted(state.finished, [], now, id);
    void policy;
  }

  async cancel(key: string, id: string, policy: StorePolicy): Promise<void> {
    const state = this.#buckets.get(key);
    if (state?.kind !== 'sliding-window') return;
    const index = state.scheduledIds.indexOf(id);
    if (index !== -1) {
      state.scheduledTimes.splice(index, 1);
      state.scheduledIds.splice(index, 1);
      return;
    }
    await this.complete(key, id, policy);
  }

  #reserveGcra(key: string, policy: StorePolicy, now: number, id: string): Reservation {
    let state = this.#buckets.get(key);
    if (state?.kind !== 'gcra') {
      state = { kind: 'gcra', tat: now, pausedUntil: state?.pausedUntil ?? 0 };
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

  async pause(key: string, durationMs: number): Promise<void> {
    const until = Date.now() + Math.max(0, durationMs);
    const state = this.#buckets.get(key);
    if (state) state.pausedUntil = Math.max(state.pausedUntil, until);
    else {
      this.#buckets.set(key, {
        kind: 'sliding-window',
        finished: [],
        inFlight: new Map(),
        scheduledTimes: [],
        scheduledIds: [],
        pausedUntil: until,
      });
    }
  }
}
