import type { DeliveryRecord, DeliveryStore } from './delivery-store.js';

// setTimeout stores delays as 32-bit signed integers; longer waits are split into several timers.
const maxTimerDelayMs = 2 ** 31 - 1;

export interface SchedulerSettings {
  store: DeliveryStore;
  now: () => number;
  /** Attempts in progress at the same time. */
  concurrency: number;
  /** How long a claimed delivery stays hidden from other workers, in milliseconds. */
  leaseMs: number;
  /** Makes one attempt and returns the updated delivery; must not throw for delivery failures. */
  attempt: (delivery: DeliveryRecord) => Promise<DeliveryRecord>;
  onScheduled: (nextRunAtMs: number) => void;
  onError: (error: unknown) => void;
}

/**
 * Claims due deliveries from the store and attempts them, then sleeps until the next one is due.
 * Uses `setTimeout`, so fake timers in tests control it. Claims go through
 * `DeliveryStore.claimDue`, so several processes can share one store.
 */
export class WebhookScheduler {
  readonly #settings: SchedulerSettings;
  readonly #inFlight = new Map<string, Promise<DeliveryRecord>>();
  #running = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #ticking: Promise<void> | undefined;
  #tickAgain = false;

  constructor(settings: SchedulerSettings) {
    this.#settings = settings;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.wake();
  }

  /** Looks for due deliveries now, when running; `send()` calls it so a new delivery goes out immediately. */
  wake(): void {
    if (!this.#running) return;
    if (this.#ticking) {
      this.#tickAgain = true;
      return;
    }
    this.#ticking = this.#tick()
      .catch(this.#settings.onError)
      .finally(() => {
        this.#ticking = undefined;
        if (this.#tickAgain) {
          this.#tickAgain = false;
          this.wake();
        }
      });
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#ticking;
    await Promise.all(this.#inFlight.values());
  }

  /** Attempts up to `limit` deliveries that are due now, `concurrency` at a time, and waits for them. */
  async runDue(limit = 1000): Promise<DeliveryRecord[]> {
    const { store, now, leaseMs, concurrency } = this.#settings;
    const claimed = (await store.claimDue(now(), leaseMs, limit)).filter(
      (delivery) => !this.#inFlight.has(delivery.id),
    );
    const results: DeliveryRecord[] = [];
    for (let index = 0; index < claimed.length; index += concurrency) {
      const batch = claimed.slice(index, index + concurrency);
      results.push(...(await Promise.all(batch.map((delivery) => this.#track(delivery)))));
    }
    return results;
  }

  async #tick(): Promise<void> {
    clearTimeout(this.#timer);
    const { store, now, leaseMs, concurrency } = this.#settings;
    const free = concurrency - this.#inFlight.size;
    if (free <= 0) return;

    const claimed = await store.claimDue(now(), leaseMs, free);
    for (const delivery of claimed) {
      if (!this.#inFlight.has(delivery.id)) void this.#track(delivery).finally(() => this.wake());
    }
    // With every slot busy, the next finished attempt wakes the scheduler instead of a timer.
    if (this.#inFlight.size >= concurrency || !this.#running) return;

    const nextDueAtMs = await store.nextDueAtMs();
    if (nextDueAtMs === undefined || !this.#running) return;
    const delayMs = Math.min(Math.max(0, nextDueAtMs - now()), maxTimerDelayMs);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.wake(), delayMs);
    this.#settings.onScheduled(now() + delayMs);
  }

  #track(delivery: DeliveryRecord): Promise<DeliveryRecord> {
    const running = this.#settings
      .attempt(delivery)
      .catch((error: unknown) => {
        this.#settings.onError(error);
        return delivery;
      })
      .finally(() => this.#inFlight.delete(delivery.id));
    this.#inFlight.set(delivery.id, running);
    return running;
  }
}
