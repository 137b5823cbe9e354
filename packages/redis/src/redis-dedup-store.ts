import type { DedupClaim, DedupStore } from '@patchbay/webhooks';
import type { Redis } from 'ioredis';
import type { RedisStoreOptions } from './connection.js';
import { RedisStoreBase } from './redis-store-base.js';

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
export class RedisDedupStore extends RedisStoreBase<ScriptClient> implements DedupStore {
  constructor(options: RedisStoreOptions) {
    super(options, {
      patchbayDedupClaim: { numberOfKeys: 1, lua: claimScript },
      patchbayDedupRelease: { numberOfKeys: 1, lua: releaseScript },
    });
  }

  #key(id: string): string {
    return `${this.prefix}dedup:${id}`;
  }

  claim(key: string, leaseMs: number): Promise<DedupClaim> {
    return this.run('dedup.claim', () => this.redis.patchbayDedupClaim(this.#key(key), Math.ceil(leaseMs)));
  }

  async markProcessed(key: string, ttlMs: number): Promise<void> {
    await this.run('dedup.markProcessed', () =>
      this.redis.set(this.#key(key), 'processed', 'PX', Math.ceil(ttlMs)),
    );
  }

  async release(key: string): Promise<void> {
    await this.run('dedup.release', () => this.redis.patchbayDedupRelease(this.#key(key)));
  }
}
