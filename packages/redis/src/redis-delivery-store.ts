import type { DeliveryRecord, DeliveryStore, DisabledEndpoint } from '@patchbay/webhooks';
import type { Redis } from 'ioredis';
import type { RedisStoreOptions } from './connection.js';
import { RedisStoreBase } from './redis-store-base.js';

// Takes up to ARGV[3] due ids and moves each to now + lease in the same step, so two workers
// never claim the same delivery. KEYS: due sorted set. ARGV: nowMs, leaseMs, limit.
const claimDueScript = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local leaseUntil = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], leaseUntil, id)
end
return ids
`;

type ScriptClient = Redis & {
  patchbayClaimDue(dueKey: string, nowMs: number, leaseMs: number, limit: number): Promise<string[]>;
};

/**
 * Outgoing webhook deliveries in Redis, so pending deliveries survive a restart and several
 * sender processes share the work. Each record is a JSON string; a sorted set of pending ids,
 * scored by the next attempt time, is the schedule.
 */
export class RedisDeliveryStore extends RedisStoreBase<ScriptClient> implements DeliveryStore {
  constructor(options: RedisStoreOptions) {
    super(options, { patchbayClaimDue: { numberOfKeys: 1, lua: claimDueScript } });
  }

  get #dueKey(): string {
    return `${this.prefix}deliveries:due`;
  }

  #recordKey(id: string): string {
    return `${this.prefix}delivery:${id}`;
  }

  get #disabledKey(): string {
    return `${this.prefix}deliveries:disabled`;
  }

  async save(delivery: DeliveryRecord): Promise<void> {
    const pipeline = this.redis.multi().set(this.#recordKey(delivery.id), JSON.stringify(delivery));
    if (delivery.status === 'pending' && delivery.nextAttemptAtMs !== undefined) {
      pipeline.zadd(this.#dueKey, delivery.nextAttemptAtMs, delivery.id);
    } else {
      pipeline.zrem(this.#dueKey, delivery.id);
    }
    await this.run('delivery.save', () => pipeline.exec());
  }

  async get(id: string): Promise<DeliveryRecord | undefined> {
    const [value, score] = await this.run('delivery.get', () =>
      Promise.all([this.redis.get(this.#recordKey(id)), this.redis.zscore(this.#dueKey, id)]),
    );
    if (value === null) return undefined;
    const record = JSON.parse(value) as DeliveryRecord;
    // The schedule is authoritative for pending deliveries: a claim moves it without a rewrite.
    if (record.status === 'pending' && score !== null) record.nextAttemptAtMs = Number(score);
    return record;
  }

  async claimDue(nowMs: number, leaseMs: number, limit: number): Promise<DeliveryRecord[]> {
    const ids = await this.run('delivery.claimDue', () =>
      this.redis.patchbayClaimDue(this.#dueKey, nowMs, leaseMs, limit),
    );
    if (ids.length === 0) return [];
    const values = await this.run('delivery.claimDue', () =>
      this.redis.mget(...ids.map((id) => this.#recordKey(id))),
    );
    return values.flatMap((value) => (value === null ? [] : [JSON.parse(value) as DeliveryRecord]));
  }

  async nextDueAtMs(): Promise<number | undefined> {
    const first = await this.run('delivery.nextDueAtMs', () =>
      this.redis.zrange(this.#dueKey, 0, 0, 'WITHSCORES'),
    );
    return first.length === 2 ? Number(first[1]) : undefined;
  }

  async disableEndpoint(endpoint: DisabledEndpoint): Promise<void> {
    await this.run('delivery.disableEndpoint', () =>
      this.redis.hset(this.#disabledKey, endpoint.url, JSON.stringify(endpoint)),
    );
  }

  async getDisabledEndpoint(url: string): Promise<DisabledEndpoint | undefined> {
    const value = await this.run('delivery.getDisabledEndpoint', () =>
      this.redis.hget(this.#disabledKey, url),
    );
    return value === null ? undefined : (JSON.parse(value) as DisabledEndpoint);
  }

  async enableEndpoint(url: string): Promise<void> {
    await this.run('delivery.enableEndpoint', () => this.redis.hdel(this.#disabledKey, url));
  }
}
