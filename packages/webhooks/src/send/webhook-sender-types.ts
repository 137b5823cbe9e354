import type { EventBus, Logger } from '@patchbay/core';
import type { PrivateNetworkAllowance } from './address-policy.js';
import type { AttemptRecord, DeliveryRecord, DeliveryStore } from './delivery-store.js';
import type { LookupAll } from './guarded-lookup.js';
import type { SendingScheme } from './sign-outgoing-request.js';

export interface WebhookSenderOptions {
  /** Signing secret in the form the scheme uses (`whsec_<base64>` for Standard Webhooks). */
  secret: string;
  /** @default 'standard-webhooks' */
  scheme?: SendingScheme;
  /** Store for pending deliveries and their attempt logs. @default a MemoryDeliveryStore */
  store?: DeliveryStore;
  /**
   * Delays before each retry, in milliseconds; the first attempt is immediate, so a schedule of n
   * delays allows n + 1 attempts.
   * @default DEFAULT_RETRY_SCHEDULE_MS (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h)
   */
  retryScheduleMs?: readonly number[];
  /** Fraction by which each delay varies either way; 0 turns jitter off. @default 0.2 */
  jitter?: number;
  /** Random source for jitter, returning values in [0, 1). @default Math.random */
  random?: () => number;
  /** Time limit for one attempt, in milliseconds; the request is aborted after it. @default 10000 */
  attemptTimeoutMs?: number;
  /** Upper bound for honouring an endpoint's Retry-After, in milliseconds. @default 36000000 (10 hours) */
  maxRetryAfterMs?: number;
  /**
   * Non-public addresses (loopback, RFC 1918, fc00::/7, link-local and other special ranges) that
   * endpoints may use: `true` for all, or IPs and CIDR ranges such as `['127.0.0.1']`.
   * @default false
   */
  allowPrivateNetworks?: PrivateNetworkAllowance;
  /** Deliveries the scheduler attempts at the same time. @default 10 */
  concurrency?: number;
  /** Extra headers on every request, such as a User-Agent. */
  headers?: Record<string, string>;
  /** @default silentLogger */
  logger?: Logger;
  /** Clock in epoch milliseconds. @default Date.now */
  now?: () => number;
  /** DNS resolution whose result is checked before connecting, shaped like `dns.lookup` with `all: true`. @default dns.lookup */
  lookup?: LookupAll;
}

/** Events a sender emits on `sender.events`. */
export interface WebhookSenderEvents {
  attempt: { delivery: DeliveryRecord; attempt: AttemptRecord };
  delivered: { delivery: DeliveryRecord };
  /** Every scheduled attempt failed. */
  failed: { delivery: DeliveryRecord };
  'endpoint-disabled': { url: string; delivery: DeliveryRecord };
  /** The scheduler set its timer for the next due delivery. */
  scheduled: { nextRunAtMs: number };
}

export interface SendOptions {
  /** The `webhook-id`; sending an id that is already stored returns the stored delivery. @default `msg_<uuid>` */
  id?: string;
  /** Event type, for logs and dashboards. */
  type?: string;
}

export interface WebhookSender {
  /** Serializes and stores the payload as a pending delivery; the scheduler or `runDue` sends it. */
  send(url: string, payload: unknown, options?: SendOptions): Promise<DeliveryRecord>;
  /** Attempts up to 1000 deliveries that are due now, once each, and returns them as updated. */
  runDue(): Promise<DeliveryRecord[]>;
  /** Starts attempting due deliveries from the store, now and whenever the next one falls due. */
  start(): void;
  /** Stops the scheduler and waits for attempts in progress. */
  stop(): Promise<void>;
  getDelivery(id: string): Promise<DeliveryRecord | undefined>;
  /** Re-enables an endpoint that responded with 410 Gone. */
  enableEndpoint(url: string): Promise<void>;
  /** Stops the scheduler and closes the HTTP connection pool. */
  close(): Promise<void>;
  readonly events: EventBus<WebhookSenderEvents>;
}
