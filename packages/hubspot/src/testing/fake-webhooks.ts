import { createHmac } from 'node:crypto';
import type { StoreChange } from './fake-store.js';

/** Subscription types the fake sends. */
export type FakeSubscriptionType = 'contact.creation' | 'deal.propertyChange';

export interface WebhookSubscription {
  url: string;
  /** @default ['contact.creation'] */
  events?: FakeSubscriptionType[];
}

/** One delivery the fake sent. */
export interface WebhookDelivery {
  url: string;
  status: number | undefined;
  body: string;
  headers: Record<string, string>;
  /** Set when the request failed before a response arrived. */
  error?: string;
}

export interface FakeWebhookOptions {
  clientSecret: string;
  portalId: number;
  appId: number;
  /** Sends deliveries. @default globalThis.fetch */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

// HubSpot sends at most 100 events per request
// (https://developers.hubspot.com/docs/guides/api/app-management/webhooks#webhook-payloads).
const maxEventsPerRequest = 100;

/**
 * Signs a body the way HubSpot's v3 signature does: base64 HMAC-SHA256 keyed with the app's client
 * secret over method + URI + raw body + the `X-HubSpot-Request-Timestamp` value (epoch ms)
 * (https://developers.hubspot.com/docs/guides/apps/authentication/validating-requests).
 */
export function signHubSpotV3(
  clientSecret: string,
  method: string,
  uri: string,
  body: string,
  timestamp: string,
): string {
  return createHmac('sha256', clientSecret)
    .update(`${method}${uri}${body}${timestamp}`, 'utf8')
    .digest('base64');
}

/** Turns store changes into CRM webhook events and delivers them, batched, to subscribed URLs. */
export class FakeWebhooks {
  readonly #options: FakeWebhookOptions;
  readonly #subscriptions: Array<Required<WebhookSubscription> & { id: number }> = [];
  readonly #pending = new Map<number, Array<Record<string, unknown>>>();
  readonly deliveries: WebhookDelivery[] = [];
  #nextEventId = 1;
  #nextSubscriptionId = 2_881_778;

  constructor(options: FakeWebhookOptions) {
    this.#options = options;
  }

  /** Registers a target URL; returns the subscription id the events carry. */
  subscribe(subscription: WebhookSubscription): number {
    const id = this.#nextSubscriptionId++;
    this.#subscriptions.push({
      id,
      url: subscription.url,
      events: subscription.events ?? ['contact.creation'],
    });
    this.#pending.set(id, []);
    return id;
  }

  /** Events waiting for the next `flush()`. */
  get pending(): number {
    return [...this.#pending.values()].reduce((sum, events) => sum + events.length, 0);
  }

  /** Queues events for every subscription that wants them. */
  record(change: StoreChange): void {
    const type =
      change.kind === 'creation' && change.record.objectType === 'contacts'
        ? 'contact.creation'
        : change.kind === 'propertyChange' && change.record.objectType === 'deals'
          ? 'deal.propertyChange'
          : undefined;
    if (!type) return;
    for (const subscription of this.#subscriptions) {
      if (!subscription.events.includes(type)) continue;
      const event: Record<string, unknown> = {
        eventId: this.#nextEventId++,
        subscriptionId: subscription.id,
        portalId: this.#options.portalId,
        appId: this.#options.appId,
        occurredAt: Date.now(),
        subscriptionType: type,
        attemptNumber: 0,
        objectId: Number(change.record.id),
        changeSource: 'API',
      };
      if (type === 'contact.creation') event.changeFlag = 'NEW';
      else
        Object.assign(event, {
          propertyName: change.propertyName,
          propertyValue: change.propertyValue ?? '',
        });
      this.#pending.get(subscription.id)?.push(event);
    }
  }

  /** Sends every pending event: one signed POST per subscription and 100 events. */
  async flush(): Promise<WebhookDelivery[]> {
    const send = this.#options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
    const sent: WebhookDelivery[] = [];
    for (const subscription of this.#subscriptions) {
      const events = this.#pending.get(subscription.id) ?? [];
      this.#pending.set(subscription.id, []);
      for (let start = 0; start < events.length; start += maxEventsPerRequest) {
        const body = JSON.stringify(events.slice(start, start + maxEventsPerRequest));
        const timestamp = String(Date.now());
        const headers = {
          'content-type': 'application/json',
          'x-hubspot-signature-v3': signHubSpotV3(
            this.#options.clientSecret,
            'POST',
            subscription.url,
            body,
            timestamp,
          ),
          'x-hubspot-request-timestamp': timestamp,
        };
        const delivery: WebhookDelivery = { url: subscription.url, status: undefined, body, headers };
        try {
          const response = await send(subscription.url, { method: 'POST', headers, body });
          delivery.status = response.status;
          await response.body?.cancel();
        } catch (error) {
          delivery.error = error instanceof Error ? error.message : String(error);
        }
        this.deliveries.push(delivery);
        sent.push(delivery);
      }
    }
    return sent;
  }
}
