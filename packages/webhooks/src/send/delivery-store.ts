/** State of a delivery. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'endpoint-disabled';

/**
 * Result of one attempt: `delivered` (2xx), `http-error` (another status), `redirect` (3xx, never
 * followed), `gone` (410, which disables the endpoint), `timeout`, `network-error`, or `blocked`
 * (the endpoint resolved to a non-public address).
 */
export type AttemptOutcome =
  | 'delivered'
  | 'http-error'
  | 'redirect'
  | 'gone'
  | 'timeout'
  | 'network-error'
  | 'blocked';

/** One entry of a delivery's log. */
export interface AttemptRecord {
  /** 1 for the first attempt. */
  attempt: number;
  startedAtMs: number;
  durationMs: number;
  outcome: AttemptOutcome;
  /** HTTP status, when the endpoint sent a response. */
  status: number | undefined;
  /** The `webhook-timestamp` this attempt was signed with, in seconds. */
  webhookTimestamp: number;
  /** The redirect target the endpoint named; it is recorded and never requested. */
  location?: string;
  /** The wait the endpoint asked for with Retry-After, in milliseconds. */
  retryAfterMs?: number;
  /** Error message for `timeout`, `network-error` and `blocked`. */
  error?: string;
  /** When the next attempt is due, or `undefined` when this was the last one. */
  nextAttemptAtMs: number | undefined;
}

/** A message and its delivery state. The id and body stay the same on every attempt. */
export interface DeliveryRecord {
  /** The `webhook-id` header; receivers deduplicate by it. */
  id: string;
  url: string;
  /** Event type, for logs and dashboards. */
  type: string | undefined;
  /** The serialized payload, sent byte for byte on every attempt. */
  body: string;
  status: DeliveryStatus;
  createdAtMs: number;
  /** When the next attempt is due, while `status` is `pending`. */
  nextAttemptAtMs: number | undefined;
  attempts: AttemptRecord[];
}

/** An endpoint that responded with 410 Gone and receives no further attempts. */
export interface DisabledEndpoint {
  url: string;
  disabledAtMs: number;
  /** The delivery whose attempt got the 410. */
  deliveryId: string;
}

/**
 * Persists deliveries so a restarted process resumes them. Every method may be async.
 *
 * A Redis implementation keeps each record as a JSON string under `delivery:<id>`, pending ids in
 * a sorted set `due` scored by `nextAttemptAtMs`, and disabled endpoints in a hash. `save` writes
 * the record and updates `due` (ZADD, or ZREM when the delivery is no longer pending). `claimDue`
 * is a Lua script that reads `ZRANGEBYSCORE due -inf now LIMIT 0 limit` and re-scores those ids
 * to `now + leaseMs` in the same step, so two workers never claim one delivery. `nextDueAtMs` is
 * `ZRANGE due 0 0 WITHSCORES`.
 */
export interface DeliveryStore {
  /** Inserts or replaces a delivery. */
  save(delivery: DeliveryRecord): Promise<void>;
  get(id: string): Promise<DeliveryRecord | undefined>;
  /**
   * Atomically returns up to `limit` pending deliveries due at `nowMs`, oldest due first, and
   * postpones each to `nowMs + leaseMs`. A worker that dies mid-attempt leaves the delivery due
   * again after the lease.
   */
  claimDue(nowMs: number, leaseMs: number, limit: number): Promise<DeliveryRecord[]>;
  /** The earliest `nextAttemptAtMs` among pending deliveries. */
  nextDueAtMs(): Promise<number | undefined>;
  disableEndpoint(endpoint: DisabledEndpoint): Promise<void>;
  getDisabledEndpoint(url: string): Promise<DisabledEndpoint | undefined>;
  enableEndpoint(url: string): Promise<void>;
}
