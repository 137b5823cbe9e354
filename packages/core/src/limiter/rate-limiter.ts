import { ConfigurationError } from '../errors/request-errors.js';
import type { EventBus } from '../observability/event-bus.js';
import { type Logger, silentLogger } from '../observability/logger.js';
import type { ClientEvents } from '../pipeline/client-events.js';
import { type BucketOptions, toStorePolicy } from './bucket-policy.js';
import type { LimiterStore, StorePolicy } from './limiter-store.js';
import { MemoryLimiterStore } from './memory-limiter-store.js';
import type { LimiterPermit, LimiterRequest, LimitObservation, RequestLimiter } from './request-limiter.js';
import { Semaphore } from './semaphore.js';
import { SlotQueue } from './slot-queue.js';

export type { BucketOptions };

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

/**
 * A rate limiter keyed by (service, account, bucket). Requests wait in FIFO order for a slot the
 * store reserves; a wait stops when the request's signal aborts and gives its slot back.
 */
export class RateLimiter implements RequestLimiter {
  readonly #policies = new Map<string, StorePolicy>();
  readonly #bucketSemaphores = new Map<string, Semaphore>();
  readonly #globalSemaphore: Semaphore | undefined;
  readonly #parseHeaders: RateLimiterOptions['parseHeaders'];
  readonly #keyPrefix: string;
  readonly #queue: SlotQueue;
  #attachment: LimiterAttachment = { service: 'unknown', events: undefined as never, logger: silentLogger };

  constructor(options: RateLimiterOptions) {
    if (!options?.buckets || typeof options.buckets !== 'object') {
      throw new ConfigurationError('limiter.buckets must map bucket names to { limit, windowMs }.', {
        option: 'limiter.buckets',
      });
    }
    for (const [name, bucket] of Object.entries(options.buckets)) {
      this.#policies.set(name, toStorePolicy(name, bucket));
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
    this.#queue = new SlotQueue(options.store ?? new MemoryLimiterStore(), () => this.#attachment.logger);
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
    let used: number | undefined;

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
        const reservation = await this.#queue.acquire(key, policy, request.signal, (wait) =>
          this.#emitWait(bucketName, wait.waitMs, wait.reason),
        );
        this.#emitUsage(bucketName, reservation.used, policy);
        used = reservation.used;
        const releaseSemaphores = release;
        release = () => {
          releaseSemaphores();
          this.#queue.complete(key, reservation.id, policy);
        };
      }
    } catch (error) {
      release();
      throw error;
    }
    let released = false;
    return {
      used,
      release: () => {
        if (released) return;
        released = true;
        release();
      },
    };
  }

  #emitUsage(bucket: string, used: number, policy: StorePolicy): void {
    const { events, service } = this.#attachment;
    if (events?.has('limiter-usage')) {
      events.emit('limiter-usage', { service, bucket, used, limit: policy.limit, windowMs: policy.windowMs });
    }
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
      const current = this.#policies.get(bucketName) ?? policy;
      const durationMs = limits.resetMs ?? limits.windowMs ?? current.windowMs;
      // The store counts each request from its start until a window after its response, never less
      // than the server does. Suppose this request filled the store's window and the server's reset
      // is no further off than that window. Then the queue already keeps the next request waiting
      // until the server has room, so a whole-window pause from now would only add idle time. A
      // longer reset, such as a daily budget, is a different quota and always pauses.
      const filledByStore =
        current.algorithm === 'sliding-window' &&
        observation.used !== undefined &&
        observation.used >= current.limit &&
        durationMs <= current.windowMs + current.marginMs;
      if (!filledByStore) {
        this.#pause(key, bucketName, durationMs, 'remaining-zero');
        return;
      }
    }
    if (observation.status === 429 && observation.retryAfterMs !== undefined) {
      this.#pause(key, bucketName, observation.retryAfterMs, 'retry-after');
    }
  }

  #pause(key: string, bucket: string, durationMs: number, reason: 'remaining-zero' | 'retry-after'): void {
    if (!(durationMs > 0)) return;
    const { events, logger, service } = this.#attachment;
    this.#queue.pause(key, durationMs);
    if (events?.has('limiter-paused')) {
      events.emit('limiter-paused', { service, bucket, untilMs: Date.now() + durationMs, reason });
    }
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
