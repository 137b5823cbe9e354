import type { DedupClaim, DedupStore } from '@patchbay/webhooks';
import type { Redis } from 'ioredis';
import { type RedisStoreOptions, resolveRedis, validatePrefix, withDeadline } from './connection.js';

// One atomic step: take the claim, or report whether the event is done or being handled.
const claimScript = `
if redis.call('SET', KEYS[1], 'processing', 'NX', 'PX', ARGV[1]) then
  return 'claimed'
end
if redis.call('GET', KEYS[1]) == 'processed' then
  return 'duplicate'
end
return 'in-progress'
`;

// Releases only an unfinished claim, never a processed mark.
const releaseScript = `
if redis.call('GET', KEYS[1]) == 'processing' then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

type ScriptClient = Redis & {
  patchbayDedupClaim(key: string, leaseMs: number): Promise<DedupClaim>;
  patchbayDedupRelease(key: string): Promise<number>;
};

/**
 * Webhook deduplication shared by every replica of an endpoint: a delivery is handled by exactly
 * one replica, and an event whose handler failed is released so the sender's retry is handled.
 *
 * Unreachable Redis fails closed: `claim` raises RedisUnavailableError, the receiver answers 5xx,
 * and the sender delivers again later, so no event is handled twice or dropped. A decision
 * survives a Redis restart only if Redis persists every write before answering (`appendonly yes`
 * with `appendfsync always`).
 */
export class RedisDedupStore implements DedupStore {
  readonly #redis: ScriptClient;
  readonly #owned: boolean;
  readonly #prefix: string;
  readonly #timeoutMs: number;

  constructor(options: RedisStoreOptions) {
    const { redis, owned } = resolveRedis(options.redis);
    this.#owned = owned;
    this.#prefix = validatePrefix(options.keyPrefix);
    this.#timeoutMs = options.operationTimeoutMs ?? 1000;
    redis.defineCommand('patchbayDedupClaim', { numberOfKeys: 1, lua: claimScript });
    redis.defineCommand('patchbayDedupRelease', { numberOfKeys: 1, lua: releaseScript });
    this.#redis = redis as ScriptClient;
  }

  #key(id: string): string {
    return `${this.#prefix}dedup:${id}`;
  }

  claim(key: string, leaseMs: number): Promise<DedupClaim> {
    return withDeadline('dedup.claim', this.#timeoutMs, () =>
      this.#redis.patchbayDedupClaim(this.#key(key), Math.ceil(leaseMs)),
    );
  }

  async markProcessed(key: string, ttlMs: number): Promise<void> {
    await withDeadline('dedup.markProcessed', this.#timeoutMs, () =>
      this.#redis.set(this.#key(key), 'processed', 'PX', Math.ceil(ttlMs)),
    );
  }

  async release(key: string): Promise<void> {
    await withDeadline('dedup.release', this.#timeoutMs, () =>
      this.#redis.patchbayDedupRelease(this.#key(key)),
    );
  }

  async close(): Promise<void> {
    if (this.#owned) await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
