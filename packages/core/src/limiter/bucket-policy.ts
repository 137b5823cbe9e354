import { ConfigurationError } from '../errors/request-errors.js';
import type { StorePolicy } from './limiter-store.js';

/** Limits of one named bucket. */
export interface BucketOptions {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /**
   * `sliding-window` never lets more than `limit` requests reach the server within any window, so
   * neither a fixed nor a rolling server window sees too many; `gcra` paces evenly with a burst,
   * like a token bucket.
   * @default 'sliding-window'
   */
  algorithm?: 'sliding-window' | 'gcra';
  /**
   * Extra time a finished request keeps counting after its window, in milliseconds, for clock
   * granularity on the server.
   * @default 10
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

function wholeNumber(option: string, value: unknown, minimum: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < minimum) {
    throw new ConfigurationError(
      `${option} must be a whole number >= ${minimum}; received ${String(value)}.`,
      { option },
    );
  }
  return value as number;
}

/** Validates a bucket's options and returns the policy the store applies. */
export function toStorePolicy(name: string, bucket: BucketOptions): StorePolicy {
  const option = `limiter.buckets.${name}`;
  const limit = wholeNumber(`${option}.limit`, bucket?.limit, 1);
  const windowMs = wholeNumber(`${option}.windowMs`, bucket.windowMs, 1);
  const algorithm = bucket.algorithm ?? 'sliding-window';
  if (algorithm !== 'sliding-window' && algorithm !== 'gcra') {
    throw new ConfigurationError(
      `${option}.algorithm must be 'sliding-window' or 'gcra'; received ${String(algorithm)}.`,
      {
        option: `${option}.algorithm`,
      },
    );
  }
  const marginMs = wholeNumber(`${option}.marginMs`, bucket.marginMs ?? 10, 0);
  const burst = wholeNumber(`${option}.burst`, bucket.burst ?? limit, 1);
  return { algorithm, limit, windowMs, marginMs, burst };
}
