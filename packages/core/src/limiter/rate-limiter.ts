import { ConfigurationError } from '../errors/request-errors.js';
import type { EventBus } from '../observability/event-bus.js';
import { type Logger, silentLogger } from '../observability/logger.js';
import type { ClientEvents } from '../pipeline/client-events.js';
import type { LimiterStore, Reservation, StorePolicy } from './limiter-store.js';
import { MemoryLimiterStore } from './memory-limiter-store.js';
import type { LimiterPermit, LimiterRequest, LimitObservation, RequestLimiter } from './request-limiter.js';
import { Semaphore } from './semaphore.js';

/** Limits of one named bucket. */
export interface BucketOptions {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /**
   * `sliding-window` never starts more than `limit` requests in any window, so neither a fixed
   * nor a rolling server window sees too many; `gcra` paces evenly with a burst, like a token bucket.
   * @default 'sliding-window'
   */
  algorithm?: 'sliding-window' | 'gcra';
  /**
   * Extra spacing added to each sliding window, in milliseconds, so requests that leave together
   * but arrive apart still fit the server's window.
   * @default max(25, 2% of windowMs)
   */
  marginMs?: number;
  /**
   * GCRA burst size.
   * @default limit
   */
  burst?: number;
  /** Maximum requests of this bucket in flight at once, in this process. */
  concurrency?: number;
}

/** Limits a service reports in response headers. */
export interface HeaderLimits {
  limit?: number | undefined;
  remaining?: number | undefined;
  windowMs?: number | undefined;
  /** Time until the window resets, in milliseconds. */
  resetMs?: number | undefined;
}

export interface RateLimiterOptions {
  /**
   * Named buckets. A request names its bucket (`bucket` option); a name not listed here uses
   * `default`, and without a `default` bucket such requests are not rate-limited.
   */
  buckets: Record<string, BucketOptions>;
  /**
   * Where bucket state lives. Share one store between clients (or processes, with
   * `@patchbay/redis`) to share limits.
   * @default new MemoryLimiterStore()
   */
  store?: LimiterStore;
  /** Maximum requests in flight at once across all buckets, in this process. */
  concurrency?: number;
  /** Reads the service's rate-limit headers; limits found there adjust the bucket. */
  parseHeaders?: (headers: Record<string, string>) => HeaderLimits | undefined;
  /**
   * Prefix of store keys.
   * @default 'patchbay'
   */
  keyPrefix?: string;
}

/** Where the limiter reports. The client attaches its own events and logger. */
export interface LimiterAttachment {
  service: string;
  events: EventBus<ClientEvents>;
  logger: Logger;
}

function validateBucket(name: string, bucket: BucketOptions): StorePolicy {
  const option = `limiter.buckets.${name}`;
  for (const field of ['limit', 'windowMs'] as const) {
    const value = bucket?.[field];
    if (!Number.isSafeInteger(value) || (value as number) <= 0) {
      throw new ConfigurationError(
        `${option}.${field} must be a whole number > 0; received ${String(value)}.`,
        {
          option: `${option}.${field}`,
        },
      );
    }
  }
  const algorithm = bucket.algorithm ?? 'sliding-window';
  if (algorithm !== 'sliding-window' && algorithm !== 'gcra') {
    throw new ConfigurationError(
      `${option}.algorithm must be 'sliding-window' or 'gcra'; received ${String(algorithm)}.`,
      {
        option: `${option}.algorithm`,
      },
    );
  }
  const marginMs = bucket.marginMs ?? Math.max(25, Math.round(bucket.windowMs * 0.02));
  const burst = bucket.burst ?? bucket.limit;
  if (!Number.isSafeInteger(marginMs) || marginMs < 0) {
    throw new ConfigurationError(
      `${option}.marginMs must be a whole number >= 0; received ${String(marginMs)}.`,
      {
        option: `${option}.marginMs`,
      },
    );
  }
  if (!Number.isSafeInteger(burst) || burst < 1) {
    throw new ConfigurationError(`${option}.burst must be a whole number >= 1; received ${String(burst)}.`, {
      option: `${option}.burst`,
    });
  }
  return { algorithm, limit: bucket.limit, windowMs: bucket.windowMs, marginMs, burst };
}

interface Waiter {
  policy: StorePolicy;
  reservation: Reservation;
  timer: ReturnType<typeof setTimeout> | undefined;
  fire: () => void;
}

/**
 * A rate limiter keyed by (service, account, bucket). Requests wait in FIFO order for a slot the
 * store reserves; a wait stops when the request's signal aborts and gives its slot back.
 */
export class RateLimiter implements RequestLimiter {
  readonly #policies = new Map<string, StorePolicy>();
  readonly #bucketSemaphores = new Map<string, Semaphore>();
  readonly #globalSemaphore: Semaphore | undefined;
  readonly #store: LimiterStore;
  readonly #parseHeaders: RateLimiterOptions['parseHeaders'];
  readonly #keyPrefix: string;
  /** Requests sleeping until their reserved slot, per key, in FIFO order. */
  readonly #waiters = new Map<string, Waiter[]>();
  readonly #chains = new Map<string, Promise<void>>();
  /** Recent slot-to-response times per key, and the margin they imply. */
  readonly #latencies = new Map<string, number[]>();
  readonly #margins = new Map<string, number>();
  #attachment: LimiterAttachment = { service: 'unknown', events: undefined as never, logger: silentLogger };

  constructor(options: RateLimiterOptions) {
    if (!options?.buckets || typeof options.buckets !== 'object') {
      throw new ConfigurationError('limiter.buckets must map bucket names to { limit, windowMs }.', {
        option: 'limiter.buckets',
      });
    }
    for (const [name, bucket] of Object.entries(options.buckets)) {
      this.#policies.set(name, validateBucket(name, bucket));
      if (bucket.concurrency !== undefined)
        this.#bucketSemaphores.set(name, new Semaphore(bucket.concurrency));
    }
    if (options.concurrency !== undefined) {
      if (!Number.isSafeInteger(options.concurrency) || options.concurrency < 1) {
        throw new ConfigurationError(
          `limiter.concurrency must be a whole number >= 1; received ${String(options.concurrency)}.`,
          { option: 'limiter.concurrency' },
        );
      }
      this.#globalSemaphore = new Semaphore(options.concurrency);
    }
    this.#store = options.store ?? new MemoryLimiterStore();
    this.#parseHeaders = options.parseHeaders;
    this.#keyPrefix = options.keyPrefix ?? 'patchbay';
  }

  /** Connects the limiter to a client's events and logger. */
  attach(attachment: LimiterAttachment): void {
    this.#attachment = attachment;
  }

  /** The policy in force for a bucket, after any adjustment from response headers. */
  policy(bucket: string): StorePolicy | undefined {
    return this.#policies.get(this.#bucketName(bucket));
  }

  #bucketName(bucket: string): string {
    return this.#policies.has(bucket) ? bucket : 'default';
  }

  #key(identity: string, bucketName: string): string {
    return `${this.#keyPrefix}:${this.#attachment.service}:${identity}:${bucketName}`;
  }

  async acquire(request: LimiterRequest): Promise<LimiterPermit> {
    const bucketName = this.#bucketName(request.bucket);
    const semaphores = [this.#bucketSemaphores.get(bucketName), this.#globalSemaphore].filter(
      (semaphore): semaphore is Semaphore => semaphore !== undefined,
    );
    const startedAt = Date.now();
    const held: Semaphore[] = [];
    let release = () => {
      for (const semaphore of held.splice(0)) semaphore.release();
    };

    try {
      for (const semaphore of semaphores) {
        const waiting = semaphore.inUse > 0;
        await semaphore.acquire(request.signal);
        held.push(semaphore);
        if (waiting) this.#emitWait(request.bucket, Date.now() - startedAt, 'concurrency');
      }
      const policy = this.#policies.get(bucketName);
      if (policy) {
        const key = this.#key(request.identity, bucketName);
        await this.#waitForSlot(key, bucketName, policy, request.signal);
        const grantedAt = Date.now();
        const releaseSemaphores = release;
        release = () => {
          releaseSemaphores();
          this.#recordLatency(key, policy, Date.now() - grantedAt);
        };
      }
    } catch (error) {
      release();
      throw error;
    }
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        release();
      },
    };
  }

  /** The bucket's policy with the margin widened to the latency seen on this key. */
  #effectivePolicy(key: string, policy: StorePolicy): StorePolicy {
    const margin = this.#margins.get(key);
    return margin !== undefined && margin > policy.marginMs ? { ...policy, marginMs: margin } : policy;
  }

  /**
   * Widens the sliding-window margin to the slowest recent attempt. A server counts a request when
   * it arrives, which is some time between the slot and the response; spacing each window by at
   * least that delay keeps two requests that left a window apart from arriving closer. The margin
   * is capped at a quarter of the window, so one hung attempt cannot stall the bucket.
   */
  #recordLatency(key: string, policy: StorePolicy, latencyMs: number): void {
    if (policy.algorithm !== 'sliding-window') return;
    const samples = this.#latencies.get(key) ?? [];
    samples.push(latencyMs);
    if (samples.length > 20) samples.shift();
    this.#latencies.set(key, samples);

    const widest = Math.min(
      Math.max(policy.marginMs, Math.ceil(Math.max(...samples))),
      Math.floor(policy.windowMs / 4),
    );
    const previous = this.#margins.get(key) ?? policy.marginMs;
    this.#margins.set(key, widest);
    if (widest > previous) void this.#reschedule(key, [...(this.#waiters.get(key) ?? [])]);
  }

  /** Runs store operations for one key in order, so reservations and reschedules never interleave. */
  #serialize<T>(key: string, operation: () => Promise<T>): Promise<T> {
    const previous = this.#chains.get(key) ?? Promise.resolve();
    const next = previous.then(operation, operation);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    this.#chains.set(key, tail);
    void tail.then(() => {
      if (this.#chains.get(key) === tail) this.#chains.delete(key);
    });
    return next;
  }

  async #waitForSlot(
    key: string,
    bucketName: string,
    policy: StorePolicy,
    signal: AbortSignal,
  ): Promise<void> {
    signal.throwIfAborted();
    const reservation = await this.#serialize(key, () =>
      this.#store.reserve(key, this.#effectivePolicy(key, policy)),
    );
    if (reservation.delayMs <= 0) {
      this.#emitUsage(bucketName, reservation.used, policy);
      return;
    }
    this.#emitWait(bucketName, reservation.delayMs, reservation.reason === 'paused' ? 'paused' : 'limit');

    await new Promise<void>((resolve, reject) => {
      const waiters = this.#waiters.get(key) ?? [];
      this.#waiters.set(key, waiters);
      const waiter: Waiter = {
        policy,
        reservation,
        timer: undefined,
        fire: () => {
          waiters.splice(waiters.indexOf(waiter), 1);
          signal.removeEventListener('abort', onAbort);
          this.#emitUsage(bucketName, waiter.reservation.used, policy);
          resolve();
        },
      };
      const onAbort = () => {
        clearTimeout(waiter.timer);
        const index = waiters.indexOf(waiter);
        waiters.splice(index, 1);
        reject(signal.reason);
        // Give the slot back and move every later waiter forward, keeping their order.
        void this.#reschedule(key, waiters.slice(index), waiter.reservation.id);
      };
      waiter.timer = setTimeout(waiter.fire, reservation.delayMs);
      waiters.push(waiter);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Cancels and re-reserves the given waiters in order, after an abort or a pause. */
  #reschedule(
    key: string,
    waiters: Waiter[],
    cancelledId?: string,
    before?: () => Promise<void>,
  ): Promise<void> {
    // Disarm now, before any await, so no waiter fires on a slot that is about to be replaced.
    for (const waiter of waiters) clearTimeout(waiter.timer);
    return this.#serialize(key, async () => {
      await before?.();
      if (cancelledId !== undefined) await this.#store.cancel(key, cancelledId);
      const active = this.#waiters.get(key) ?? [];
      const pending = waiters.filter((waiter) => active.includes(waiter));
      for (const waiter of pending) await this.#store.cancel(key, waiter.reservation.id);
      for (const waiter of pending) {
        waiter.reservation = await this.#store.reserve(key, this.#effectivePolicy(key, waiter.policy));
        if (active.includes(waiter))
          waiter.timer = setTimeout(waiter.fire, Math.max(0, waiter.reservation.delayMs));
      }
    }).catch((error: unknown) => {
      // The store failed: let the waiters go at their old times rather than hang.
      for (const waiter of waiters)
        waiter.timer = setTimeout(waiter.fire, Math.max(0, waiter.reservation.delayMs));
      this.#attachment.logger.warn(
        { service: this.#attachment.service, error: error instanceof Error ? error.message : String(error) },
        'The limiter store failed while rescheduling waiting requests.',
      );
    });
  }

  #emitUsage(bucket: string, used: number, policy: StorePolicy): void {
    const { events, service } = this.#attachment;
    if (events?.has('limiter-usage'))
      events.emit('limiter-usage', { service, bucket, used, limit: policy.limit, windowMs: policy.windowMs });
  }

  #emitWait(bucket: string, waitMs: number, reason: 'limit' | 'paused' | 'concurrency'): void {
    const { events, service } = this.#attachment;
    if (events?.has('rate-limited')) events.emit('rate-limited', { service, bucket, waitMs, reason });
  }

  observe(request: Omit<LimiterRequest, 'signal'>, observation: LimitObservation): void {
    const bucketName = this.#bucketName(request.bucket);
    const policy = this.#policies.get(bucketName);
    if (!policy) return;
    const key = this.#key(request.identity, bucketName);

    const limits = this.#parseHeaders?.(observation.headers);
    if (
      limits?.limit !== undefined &&
      limits.windowMs !== undefined &&
      limits.limit > 0 &&
      limits.windowMs > 0
    ) {
      if (limits.limit !== policy.limit || limits.windowMs !== policy.windowMs) {
        this.#policies.set(bucketName, { ...policy, limit: limits.limit, windowMs: limits.windowMs });
      }
    }
    if (limits?.remaining === 0) {
      this.#pause(key, bucketName, limits.resetMs ?? limits.windowMs ?? policy.windowMs, 'remaining-zero');
    } else if (observation.status === 429 && observation.retryAfterMs !== undefined) {
      this.#pause(key, bucketName, observation.retryAfterMs, 'retry-after');
    }
  }

  #pause(key: string, bucket: string, durationMs: number, reason: 'remaining-zero' | 'retry-after'): void {
    if (!(durationMs > 0)) return;
    const { events, logger, service } = this.#attachment;
    const waiters = [...(this.#waiters.get(key) ?? [])];
    void this.#reschedule(key, waiters, undefined, () => this.#store.pause(key, durationMs));
    if (events?.has('limiter-paused'))
      events.emit('limiter-paused', { service, bucket, untilMs: Date.now() + durationMs, reason });
    logger.info(
      { service, bucket, durationMs, reason },
      `Paused the ${bucket} bucket for ${durationMs} ms (${reason}).`,
    );
  }
}

/** Creates a {@link RateLimiter}. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  return new RateLimiter(options);
}
