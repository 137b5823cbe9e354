import { randomUUID } from 'node:crypto';
import {
  type LimiterStore,
  type Logger,
  MemoryLimiterStore,
  type Reservation,
  type StorePolicy,
  silentLogger,
} from '@patchbay/core';
import type { Redis } from 'ioredis';
import type { RedisStoreOptions } from './connection.js';
import {
  confirmSlidingScript,
  finishSlidingScript,
  pauseScript,
  reserveGcraScript,
  reserveSlidingScript,
} from './limiter-scripts.js';
import { RedisStoreBase } from './redis-store-base.js';

export interface RedisLimiterStoreOptions extends RedisStoreOptions {
  /**
   * What happens while Redis is unreachable. `local` limits in this process with a memory store
   * and logs one warning (each process then allows the full limit, so several processes can
   * exceed it together); `fail` rejects the request with RedisUnavailableError.
   * @default 'local'
   */
  whenUnavailable?: 'local' | 'fail';
  /**
   * After falling back, how long to wait before trying Redis again, in milliseconds.
   * @default 5000
   */
  recheckAfterMs?: number;
  /**
   * A request still marked in flight after this long is counted as finished, so a process that
   * died mid-request cannot hold a slot forever, in milliseconds. Keep it above the longest
   * attempt timeout.
   * @default 120000
   */
  staleAfterMs?: number;
  logger?: Logger;
}

type SlidingKeys = [finished: string, inFlight: string, scheduled: string, pause: string];

type ScriptClient = Redis & {
  patchbayReserveSliding(...keysAndArgs: Array<string | number>): Promise<[number, number, string]>;
  patchbayConfirmSliding(...keysAndArgs: Array<string | number>): Promise<number>;
  patchbayFinishSliding(...keysAndArgs: Array<string | number>): Promise<number>;
  patchbayReserveGcra(
    stateKey: string,
    pauseKey: string,
    ...args: Array<string | number>
  ): Promise<[number, number, string]>;
  patchbayPause(pauseKey: string, durationMs: number): Promise<number>;
};

const redisIdPrefix = 'r:';

/**
 * Shares rate-limit buckets across processes through Redis. Slots are computed by Lua scripts on
 * the Redis clock, so reservations stay in FIFO order across processes and client clock skew does
 * not matter.
 */
export class RedisLimiterStore extends RedisStoreBase<ScriptClient> implements LimiterStore {
  readonly #whenUnavailable: 'local' | 'fail';
  readonly #recheckAfterMs: number;
  readonly #staleAfterMs: number;
  readonly #logger: Logger;
  readonly #local = new MemoryLimiterStore();
  #unavailableUntil = 0;
  #warned = false;

  constructor(options: RedisLimiterStoreOptions) {
    super(options, {
      patchbayReserveSliding: { numberOfKeys: 4, lua: reserveSlidingScript },
      patchbayConfirmSliding: { numberOfKeys: 4, lua: confirmSlidingScript },
      patchbayFinishSliding: { numberOfKeys: 4, lua: finishSlidingScript },
      patchbayReserveGcra: { numberOfKeys: 2, lua: reserveGcraScript },
      patchbayPause: { numberOfKeys: 1, lua: pauseScript },
    });
    this.#whenUnavailable = options.whenUnavailable ?? 'local';
    this.#recheckAfterMs = options.recheckAfterMs ?? 5000;
    this.#staleAfterMs = options.staleAfterMs ?? 120_000;
    this.#logger = options.logger ?? silentLogger;
  }

  // A hash tag keeps a bucket's keys in one Redis Cluster slot, as multi-key scripts require.
  #keys(key: string): SlidingKeys {
    const base = `${this.prefix}limiter:{${key}}`;
    return [`${base}:finished`, `${base}:in-flight`, `${base}:scheduled`, `${base}:pause`];
  }

  #slidingArgs(policy: StorePolicy, id: string): Array<string | number> {
    return [policy.limit, policy.windowMs, policy.marginMs, id, this.#staleAfterMs];
  }

  async reserve(key: string, policy: StorePolicy): Promise<Reservation> {
    if (Date.now() < this.#unavailableUntil) return this.#local.reserve(key, policy);
    const keys = this.#keys(key);
    const id = `${redisIdPrefix}${randomUUID()}`;
    try {
      const [delayMs, used, reason] = await this.run('limiter.reserve', () =>
        policy.algorithm === 'gcra'
          ? this.redis.patchbayReserveGcra(
              `${this.prefix}limiter:{${key}}:gcra`,
              keys[3],
              policy.limit,
              policy.windowMs,
              policy.burst,
            )
          : this.redis.patchbayReserveSliding(...keys, ...this.#slidingArgs(policy, id)),
      );
      if (this.#warned) {
        this.#warned = false;
        this.#logger.info(
          { key },
          'Redis is reachable again; the rate limiter is shared across processes again.',
        );
      }
      return { id, delayMs: Number(delayMs), used: Number(used), reason: reason as Reservation['reason'] };
    } catch (error) {
      if (this.#whenUnavailable === 'fail') throw error;
      this.#unavailableUntil = Date.now() + this.#recheckAfterMs;
      if (!this.#warned) {
        this.#warned = true;
        this.#logger.warn(
          { key, error: error instanceof Error ? error.message : String(error) },
          'Redis is unreachable; rate limiting falls back to this process alone until it answers again, so several processes together may exceed the limit.',
        );
      }
      return this.#local.reserve(key, policy);
    }
  }

  async confirm(key: string, id: string, policy: StorePolicy): Promise<number> {
    if (policy.algorithm === 'gcra') return 0;
    if (!id.startsWith(redisIdPrefix)) return this.#local.confirm(key, id, policy);
    return this.run('limiter.confirm', () =>
      this.redis.patchbayConfirmSliding(...this.#keys(key), ...this.#slidingArgs(policy, id)),
    );
  }

  async complete(key: string, id: string, policy: StorePolicy): Promise<void> {
    await this.#finish(key, id, policy, false);
  }

  async cancel(key: string, id: string, policy: StorePolicy): Promise<void> {
    await this.#finish(key, id, policy, true);
  }

  async #finish(key: string, id: string, policy: StorePolicy, cancel: boolean): Promise<void> {
    if (policy.algorithm === 'gcra') return;
    if (!id.startsWith(redisIdPrefix)) {
      await (cancel ? this.#local.cancel(key, id, policy) : this.#local.complete(key, id, policy));
      return;
    }
    await this.run(cancel ? 'limiter.cancel' : 'limiter.complete', () =>
      this.redis.patchbayFinishSliding(
        ...this.#keys(key),
        ...this.#slidingArgs(policy, id),
        cancel ? '1' : '0',
      ),
    ).catch(() => {
      // A request that cannot be marked finished goes stale after staleAfterMs; only throughput is lost.
    });
  }

  async pause(key: string, durationMs: number): Promise<void> {
    await this.#local.pause(key, durationMs);
    if (Date.now() < this.#unavailableUntil) return;
    await this.run('limiter.pause', () =>
      this.redis.patchbayPause(this.#keys(key)[3], Math.ceil(durationMs)),
    );
  }

  /** Closes the connection when the store created it from a URL. */
}
