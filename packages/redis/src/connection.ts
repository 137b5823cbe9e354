import { ConfigurationError } from '@patchbay/core';
import { Redis, type RedisOptions } from 'ioredis';
import { RedisUnavailableError } from './redis-unavailable-error.js';

/** An ioredis client, or a `redis://` / `rediss://` URL to create one from. */
export type RedisSource = Redis | string;

export interface RedisStoreOptions {
  redis: RedisSource;
  /**
   * Prefix of every key the store writes.
   * @default 'patchbay:'
   */
  keyPrefix?: string;
  /**
   * Time one store operation may take before it fails with RedisUnavailableError, in milliseconds.
   * @default 1000
   */
  operationTimeoutMs?: number;
}

// A command waits for at most one reconnect attempt, and every store operation also has its own
// deadline, so a rate limiter or a webhook receiver never stalls behind a dead Redis.
const failFastOptions: RedisOptions = {
  enableOfflineQueue: true,
  maxRetriesPerRequest: 1,
  connectTimeout: 2000,
  retryStrategy: (times) => Math.min(times * 200, 2000),
};

/** Returns the given client, or a new one for a URL. Created clients are owned by the caller of `close`. */
export function resolveRedis(source: RedisSource): { redis: Redis; owned: boolean } {
  if (typeof source === 'string') {
    if (!/^rediss?:\/\//.test(source)) {
      throw new ConfigurationError(
        `redis must be an ioredis client or a redis:// or rediss:// URL; received "${source}".`,
        { option: 'redis' },
      );
    }
    const redis = new Redis(source, failFastOptions);
    // Without a listener ioredis prints connection errors to the console; each failed store
    // operation reports the error as RedisUnavailableError instead.
    redis.on('error', () => {});
    return { redis, owned: true };
  }
  if (!source || typeof (source as Redis).eval !== 'function') {
    throw new ConfigurationError('redis must be an ioredis client or a redis:// URL.', { option: 'redis' });
  }
  return { redis: source, owned: false };
}

/** Runs a Redis operation with a deadline and turns any failure into RedisUnavailableError. */
export async function withDeadline<T>(
  operation: string,
  timeoutMs: number,
  run: () => Promise<T>,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([run(), deadline]);
  } catch (error) {
    throw RedisUnavailableError.isInstance(error) ? error : new RedisUnavailableError(operation, error);
  } finally {
    clearTimeout(timer);
  }
}

export function validatePrefix(prefix: string | undefined): string {
  const value = prefix ?? 'patchbay:';
  if (typeof value !== 'string' || /\s/.test(value)) {
    throw new ConfigurationError(
      `keyPrefix must be a string without whitespace; received ${JSON.stringify(value)}.`,
      {
        option: 'keyPrefix',
      },
    );
  }
  return value;
}
