import type { Logger } from '../observability/logger.js';
import type { LimiterStore, Reservation, StorePolicy } from './limiter-store.js';

interface Waiter {
  policy: StorePolicy;
  reservation: Reservation;
  timer: ReturnType<typeof setTimeout> | undefined;
  fire: () => void;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A wait for a slot, reported in events. */
export interface SlotWait {
  waitMs: number;
  reason: 'limit' | 'paused';
}

/**
 * The waiting side of the limiter in one process. Requests reserve an estimated slot in FIFO
 * order and sleep until it; an abort gives the slot back and moves later waiters forward; at the
 * slot, `confirm` starts the request only if the window allows it by then, otherwise it sleeps
 * again. A reschedule holds a per-key barrier, so no reservation slips in between its steps.
 */
export class SlotQueue {
  readonly #store: LimiterStore;
  readonly #logger: () => Logger;
  readonly #waiters = new Map<string, Waiter[]>();
  readonly #barriers = new Map<string, Promise<void>>();

  constructor(store: LimiterStore, logger: () => Logger) {
    this.#store = store;
    this.#logger = logger;
  }

  /**
   * Runs an operation after any reschedule in progress on the key. Reservations are otherwise
   * issued at once, so a store that pipelines (Redis) sends them back to back in call order.
   */
  async #afterReschedule<T>(key: string, operation: () => Promise<T>): Promise<T> {
    for (let barrier = this.#barriers.get(key); barrier; barrier = this.#barriers.get(key)) await barrier;
    return operation();
  }

  /** Runs a reschedule while holding the key's barrier, one at a time. */
  async #exclusive(key: string, operation: () => Promise<void>): Promise<void> {
    for (let barrier = this.#barriers.get(key); barrier; barrier = this.#barriers.get(key)) await barrier;
    const running = operation().finally(() => {
      if (this.#barriers.get(key) === running) this.#barriers.delete(key);
    });
    this.#barriers.set(key, running);
    return running;
  }

  /** Waits until the request may start; returns the reservation id and the usage at start. */
  async acquire(key: string, policy: StorePolicy, signal: AbortSignal, onWait: (wait: SlotWait) => void) {
    signal.throwIfAborted();
    const reservation = await this.#afterReschedule(key, () => this.#store.reserve(key, policy));
    if (reservation.delayMs <= 0) return reservation;
    onWait({ waitMs: reservation.delayMs, reason: reservation.reason === 'paused' ? 'paused' : 'limit' });

    let current = reservation;
    try {
      const waiter = await this.#sleepUntilSlot(key, policy, reservation, signal);
      current = waiter.reservation;
      // A reschedule may have replaced the slot with one that started at once.
      if (current.delayMs <= 0) return current;
      for (;;) {
        const id = current.id;
        const retryInMs = await this.#afterReschedule(key, () => this.#store.confirm(key, id, policy));
        if (retryInMs <= 0) return current;
        onWait({ waitMs: retryInMs, reason: 'limit' });
        await sleep(retryInMs, signal);
      }
    } catch (error) {
      const id = current.id;
      await this.#store.cancel(key, id, policy).catch(() => {});
      throw error;
    }
  }

  #sleepUntilSlot(
    key: string,
    policy: StorePolicy,
    reservation: Reservation,
    signal: AbortSignal,
  ): Promise<Waiter> {
    return new Promise<Waiter>((resolve, reject) => {
      const waiters = this.#waiters.get(key) ?? [];
      this.#waiters.set(key, waiters);
      const waiter: Waiter = {
        policy,
        reservation,
        timer: undefined,
        fire: () => {
          waiters.splice(waiters.indexOf(waiter), 1);
          signal.removeEventListener('abort', onAbort);
          resolve(waiter);
        },
      };
      const onAbort = () => {
        clearTimeout(waiter.timer);
        const index = waiters.indexOf(waiter);
        waiters.splice(index, 1);
        // Give the slot back and move every later waiter forward, keeping their order.
        void this.#reschedule(key, waiters.slice(index), { id: waiter.reservation.id, policy });
        reject(signal.reason);
      };
      waiter.timer = setTimeout(waiter.fire, reservation.delayMs);
      waiters.push(waiter);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Marks a started request as finished. */
  complete(key: string, id: string, policy: StorePolicy): void {
    // Completion only ever frees capacity, so it never waits for a reschedule.
    this.#store.complete(key, id, policy).catch((error: unknown) => this.#warn(error, 'complete'));
  }

  /** Pauses the key and moves its sleeping waiters behind the pause. */
  pause(key: string, durationMs: number): void {
    void this.#reschedule(key, [...(this.#waiters.get(key) ?? [])], undefined, () =>
      this.#store.pause(key, durationMs),
    );
  }

  /** Cancels and re-reserves the given waiters in order, after an abort or a pause. */
  #reschedule(
    key: string,
    waiters: Waiter[],
    cancelled?: { id: string; policy: StorePolicy },
    before?: () => Promise<void>,
  ): Promise<void> {
    // Disarm now, before any await, so no waiter fires on a slot that is about to be replaced.
    for (const waiter of waiters) clearTimeout(waiter.timer);
    return this.#exclusive(key, async () => {
      await before?.();
      if (cancelled) await this.#store.cancel(key, cancelled.id, cancelled.policy);
      const active = this.#waiters.get(key) ?? [];
      const pending = waiters.filter((waiter) => active.includes(waiter));
      for (const waiter of pending) await this.#store.cancel(key, waiter.reservation.id, waiter.policy);
      for (const waiter of pending) {
        waiter.reservation = await this.#store.reserve(key, waiter.policy);
        // A new reservation with no delay has already started in the store; fire at once.
        if (active.includes(waiter))
          waiter.timer = setTimeout(waiter.fire, Math.max(0, waiter.reservation.delayMs));
      }
    }).catch((error: unknown) => {
      // The store failed: let the waiters go at their old times rather than hang.
      for (const waiter of waiters)
        waiter.timer = setTimeout(waiter.fire, Math.max(0, waiter.reservation.delayMs));
      this.#warn(error, 'reschedule');
    });
  }

  #warn(error: unknown, operation: string): void {
    this.#logger().warn(
      { operation, error: error instanceof Error ? error.message : String(error) },
      `The limiter store failed to ${operation}; the limit may be exceeded or underused until it recovers.`,
    );
  }
}
