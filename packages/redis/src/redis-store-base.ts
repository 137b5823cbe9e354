import type { Redis } from 'ioredis';
import { type RedisStoreOptions, resolveRedis, validatePrefix, withDeadline } from './connection.js';

/** Connection, key prefix, deadlines and `close` shared by every Redis store. */
export abstract class RedisStoreBase<Client extends Redis = Redis> {
  protected readonly redis: Client;
  protected readonly prefix: string;
  readonly #owned: boolean;
  readonly #timeoutMs: number;

  /** `scripts` are Lua commands the store registers on the client, by name and key count. */
  constructor(
    options: RedisStoreOptions,
    scripts: Record<string, { numberOfKeys: number; lua: string }> = {},
  ) {
    const { redis, owned } = resolveRedis(options.redis);
    this.#owned = owned;
    this.prefix = validatePrefix(options.keyPrefix);
    this.#timeoutMs = options.operationTimeoutMs ?? 1000;
    for (const [name, script] of Object.entries(scripts)) redis.defineCommand(name, script);
    this.redis = redis as Client;
  }

  /** Runs one store operation under the deadline; failures become RedisUnavailableError. */
  protected run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    return withDeadline(operation, this.#timeoutMs, command);
  }

  /** Closes the connection when the store created it from a URL; a given client stays open. */
  async close(): Promise<void> {
    if (this.#owned) await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
