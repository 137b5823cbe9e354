interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal;
  onAbort: () => void;
}

/** A counting semaphore with a FIFO queue; a waiter whose signal aborts leaves the queue. */
export class Semaphore {
  readonly #capacity: number;
  #inUse = 0;
  readonly #queue: Waiter[] = [];

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get inUse(): number {
    return this.#inUse;
  }

  /** Resolves when a slot is free; rejects with the signal's reason on abort. */
  acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.#inUse < this.#capacity && this.#queue.length === 0) {
      this.#inUse += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.#queue.indexOf(waiter);
          if (index !== -1) this.#queue.splice(index, 1);
          reject(signal.reason);
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      this.#queue.push(waiter);
    });
  }

  release(): void {
    const next = this.#queue.shift();
    if (next) {
      next.signal.removeEventListener('abort', next.onAbort);
      next.resolve();
      return;
    }
    this.#inUse = Math.max(0, this.#inUse - 1);
  }
}
