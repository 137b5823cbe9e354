import { PatchbayError } from '@patchbay/core';

/** A Redis command failed or did not answer in time. `cause` holds the client's error. */
export class RedisUnavailableError extends PatchbayError {
  static override readonly kind: string = 'RedisUnavailableError';
  override name = 'RedisUnavailableError';
  /** The store operation that failed, such as `dedup.claim`. */
  readonly operation: string;

  constructor(operation: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `Redis did not complete ${operation}: ${detail}. Check that Redis is running and reachable at the configured URL, and that the client is not in subscriber mode.`,
      { category: 'network', cause, code: 'redis_unavailable' },
    );
    this.operation = operation;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operation: this.operation };
  }
}
