import type { FakeEvent } from './fake-state.js';
import { seededRandom } from './seeded-random.js';
import { signStripePayload } from './sign-stripe-payload.js';

/** Webhook delivery settings of the fake. */
export interface FakeWebhookOptions {
  /**
   * Waits before each retry of a failed delivery, in milliseconds; the length is the number of
   * retries. Stripe retries for up to three days in live mode (docs.stripe.com/webhooks); the
   * default is short so tests stay fast.
   * @default [50, 250, 1000]
   */
  retryDelaysMs?: readonly number[];
  /** Probability, 0 to 1, that a delivered event is sent a second time, as Stripe may do. @default 0 */
  duplicateProbability?: number;
  /** Seed of the duplicate draw. @default 1 */
  seed?: number;
  /** Sends deliveries for endpoints without their own `fetch`. @default globalThis.fetch */
  fetch?: (request: Request) => Promise<Response>;
  /** Time a delivery may take before it counts as failed, in milliseconds. @default 10000 */
  timeoutMs?: number;
}

export interface WebhookEndpointOptions {
  url: string;
  /** Signing secret. @default a random `whsec_...` value */
  secret?: string;
  /** Event types to send, or `['*']` for all. @default ['*'] */
  events?: readonly string[];
  /** Sends this endpoint's deliveries, such as a receiver's `fetch()` handler, with no network. */
  fetch?: (request: Request) => Promise<Response>;
}

export interface FakeWebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  readonly events: readonly string[];
}

/** One delivery attempt, for assertions. */
export interface WebhookDelivery {
  endpointId: string;
  eventId: string;
  type: string;
  /** 1 for the first attempt of a delivery. */
  attempt: number;
  /** True for a second delivery of an event that was already delivered. */
  duplicate: boolean;
  /** The endpoint's status, or `undefined` when no response arrived. */
  status: number | undefined;
  error: string | undefined;
  atMs: number;
  /** The exact body and `Stripe-Signature` header sent. */
  body: string;
  signature: string;
}

interface Endpoint extends FakeWebhookEndpoint {
  readonly send: ((request: Request) => Promise<Response>) | undefined;
}

/** Signs and sends the fake's events to registered endpoints, with retries and duplicates. */
export class FakeWebhooks {
  readonly #endpoints = new Map<string, Endpoint>();
  readonly #options: FakeWebhookOptions;
  readonly #now: () => number;
  readonly #newId: (prefix: string) => string;
  readonly #duplicate: () => number;
  readonly #idleWaiters: Array<() => void> = [];
  #pending = 0;
  /** Every attempt so far, in order. */
  readonly deliveries: WebhookDelivery[] = [];

  constructor(options: FakeWebhookOptions, now: () => number, newId: (prefix: string) => string) {
    this.#options = options;
    this.#now = now;
    this.#newId = newId;
    this.#duplicate = seededRandom(options.seed ?? 1);
  }

  /** Registers an endpoint; events are sent to it from the next request on. */
  addEndpoint(options: WebhookEndpointOptions): FakeWebhookEndpoint {
    const url = new URL(options.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError(`Webhook url must be http or https; received ${options.url}.`);
    const endpoint: Endpoint = {
      id: this.#newId('we'),
      url: url.href,
      secret: options.secret ?? `whsec_${this.#newId('x').slice(2)}${this.#newId('x').slice(2)}`,
      events: [...(options.events ?? ['*'])],
      send: options.fetch,
    };
    this.#endpoints.set(endpoint.id, endpoint);
    return { id: endpoint.id, url: endpoint.url, secret: endpoint.secret, events: endpoint.events };
  }

  removeEndpoint(id: string): void {
    this.#endpoints.delete(id);
  }

  /** Counts the endpoints that receive events of `type`. */
  countFor(type: string): number {
    let count = 0;
    for (const endpoint of this.#endpoints.values())
      if (endpoint.events.includes('*') || endpoint.events.includes(type)) count += 1;
    return count;
  }

  /** Queues an event for every endpoint subscribed to its type; returns how many there were. */
  dispatch(event: FakeEvent): number {
    let count = 0;
    for (const endpoint of this.#endpoints.values()) {
      if (!endpoint.events.includes('*') && !endpoint.events.includes(event.type)) continue;
      count += 1;
      this.#schedule(endpoint, event, 1, undefined, false);
    }
    return count;
  }

  /** Resolves once no delivery is running or waiting for a retry. With fake timers, advance them. */
  idle(): Promise<void> {
    if (this.#pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #schedule(
    endpoint: Endpoint,
    event: FakeEvent,
    attempt: number,
    delayMs: number | undefined,
    duplicate: boolean,
  ): void {
    this.#pending += 1;
    const run = () => {
      this.#attempt(endpoint, event, attempt, duplicate).finally(() => {
        this.#pending -= 1;
        if (this.#pending === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
      });
    };
    // First attempts run as soon as the request that caused them finishes; retries wait on a timer.
    if (delayMs === undefined) void Promise.resolve().then(run);
    else setTimeout(run, delayMs);
  }

  async #attempt(endpoint: Endpoint, event: FakeEvent, attempt: number, duplicate: boolean): Promise<void> {
    const body = JSON.stringify(event);
    const signature = await signStripePayload(body, endpoint.secret, Math.floor(this.#now() / 1000));
    const record: WebhookDelivery = {
      endpointId: endpoint.id,
      eventId: event.id,
      type: event.type,
      attempt,
      duplicate,
      status: undefined,
      error: undefined,
      atMs: this.#now(),
      body,
      signature,
    };
    this.deliveries.push(record);

    const request = new Request(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': signature,
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      },
      body,
      signal: AbortSignal.timeout(this.#options.timeoutMs ?? 10_000),
    });
    try {
      const send = endpoint.send ?? this.#options.fetch ?? ((input: Request) => globalThis.fetch(input));
      const response = await send(request);
      record.status = response.status;
      await response.body?.cancel().catch(() => {});
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }

    const delivered = record.status !== undefined && record.status >= 200 && record.status <= 299;
    if (delivered) {
      if (!duplicate && this.#duplicate() < (this.#options.duplicateProbability ?? 0)) {
        this.#schedule(endpoint, event, 1, undefined, true);
      }
      return;
    }
    const delays = this.#options.retryDelaysMs ?? [50, 250, 1000];
    const delay = delays[attempt - 1];
    if (delay !== undefined) this.#schedule(endpoint, event, attempt + 1, delay, duplicate);
  }
}
