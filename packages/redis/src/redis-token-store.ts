import { randomUUID } from 'node:crypto';
import type { StoredToken, TokenLock, TokenStore } from '@patchbay/core';
import type { Redis } from 'ioredis';
import type { RedisStoreOptions } from './connection.js';
import { RedisStoreBase } from './redis-store-base.js';
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
export class RedisTokenStore extends RedisStoreBase<ScriptClient> implements TokenStore {
  readonly #codec: TokenCodec;
  readonly #pollMs: number;

  constructor(options: RedisTokenStoreOptions) {
    super(options, { patchbayReleaseLock: { numberOfKeys: 1, lua: releaseScript } });
    this.#codec = options.codec ?? jsonCodec;
    this.#pollMs = options.lockPollMs ?? 50;
  }

  async get(key: string): Promise<StoredToken | undefined> {
    const value = await this.run('token.get', () => this.redis.get(`${this.prefix}token:${key}`));
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
    await this.run('token.set', () =>
      this.redis.set(`${this.prefix}token:${key}`, this.#codec.encode(token)),
    );
  }

  async lock(key: string, ttlMs: number, signal: AbortSignal): Promise<TokenLock> {
    const lockKey = `${this.prefix}token-lock:${key}`;
    const owner = randomUUID();
    for (;;) {
      signal.throwIfAborted();
      const taken = await this.run('token.lock', () => this.redis.set(lockKey, owner, 'PX', ttlMs, 'NX'));
      if (taken === 'OK') {
        return {
          release: async () => {
            await this.run('token.unlock', () => this.redis.patchbayReleaseLock(lockKey, owner)).catch(() => {
              // The lock expires on its own after ttlMs.
            });
          },
        };
      }
      // Each poll removes its abort listener, so a long wait leaves none behind on the signal.
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal.reason);
        };
        const timer = setTimeout(
          () => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          },
          this.#pollMs * (0.5 + Math.random()),
        );
        signal.addEventListener('abort', onAbort, { once: true });
      });
    }
  }
}
