import { randomUUID } from 'node:crypto';
import type { StoredToken, TokenLock, TokenStore } from '@patchbay/core';
import type { Redis } from 'ioredis';
import { type RedisStoreOptions, resolveRedis, validatePrefix, withDeadline } from './connection.js';
import { RedisUnavailableError } from './redis-unavailable-error.js';

/** Turns a token set into the string stored in Redis and back, for example to encrypt it. */
export interface TokenCodec {
  encode(token: StoredToken): string;
  decode(value: string): StoredToken;
}

export interface RedisTokenStoreOptions extends RedisStoreOptions {
  /**
   * How tokens are written.
   * @default JSON
   */
  codec?: TokenCodec;
  /**
   * How often a process waiting for the refresh lock checks it again, in milliseconds.
   * @default 50
   */
  lockPollMs?: number;
}

const jsonCodec: TokenCodec = {
  encode: (token) => JSON.stringify(token),
  decode: (value) => JSON.parse(value) as StoredToken,
};

// Deletes the lock only if this holder still owns it, so a holder whose lock expired cannot
// release the lock a later holder took.
const releaseScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

type ScriptClient = Redis & { patchbayReleaseLock(key: string, owner: string): Promise<number> };

/**
 * Keeps OAuth tokens in Redis and makes refresh single-flight across processes: `lock` is a
 * `SET NX PX` lock, so one process refreshes while the others wait, then read the token it
 * stored. A holder that dies blocks the others for at most the lock's TTL.
 *
 * Unreachable Redis fails closed: reads and writes raise RedisUnavailableError, because two
 * processes refreshing separately would invalidate each other's rotated refresh token.
 */
export class RedisTokenStore implements TokenStore {
  readonly #redis: ScriptClient;
  readonly #owned: boolean;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  readonly #codec: TokenCodec;
  readonly #pollMs: number;

  constructor(options: RedisTokenStoreOptions) {
    const { redis, owned } = resolveRedis(options.redis);
    this.#owned = owned;
    this.#prefix = validatePrefix(options.keyPrefix);
    this.#timeoutMs = options.operationTimeoutMs ?? 1000;
    this.#codec = options.codec ?? jsonCodec;
    this.#pollMs = options.lockPollMs ?? 50;
    redis.defineCommand('patchbayReleaseLock', { numberOfKeys: 1, lua: releaseScript });
    this.#redis = redis as ScriptClient;
  }

  async get(key: string): Promise<StoredToken | undefined> {
    const value = await withDeadline('token.get', this.#timeoutMs, () =>
      this.#redis.get(`${this.#prefix}token:${key}`),
    );
    if (value === null) return undefined;
    try {
      return this.#codec.decode(value);
    } catch (cause) {
      throw new RedisUnavailableError(
        `token.get (the stored value for "${key}" could not be decoded)`,
        cause,
      );
    }
  }

  async set(key: string, token: StoredToken): Promise<void> {
    await withDeadline('token.set', this.#timeoutMs, () =>
      this.#redis.set(`${this.#prefix}token:${key}`, this.#codec.encode(token)),
    );
  }

  async lock(key: string, ttlMs: number, signal: AbortSignal): Promise<TokenLock> {
    const lockKey = `${this.#prefix}token-lock:${key}`;
    const owner = randomUUID();
    for (;;) {
      signal.throwIfAborted();
      const taken = await withDeadline('token.lock', this.#timeoutMs, () =>
        this.#redis.set(lockKey, owner, 'PX', ttlMs, 'NX'),
      );
      if (taken === 'OK') {
        return {
          release: async () => {
            await withDeadline('token.unlock', this.#timeoutMs, () =>
              this.#redis.patchbayReleaseLock(lockKey, owner),
            ).catch(() => {
              // The lock expires on its own after ttlMs.
            });
          },
        };
      }
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, this.#pollMs * (0.5 + Math.random()));
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    }
  }

  async close(): Promise<void> {
    if (this.#owned) await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
