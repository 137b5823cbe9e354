import { readJsonFixture } from '@patchbay/test-utils';
import { createHubSpotVerifier } from '@patchbay/webhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHubSpotClient } from '../client/create-hubspot-client.js';
import { parseHubSpotWebhookDelivery } from '../webhooks/webhook-events.js';
import { createFakeHubSpot } from './fake-hubspot.js';
import { signHubSpotV3 } from './fake-webhooks.js';

interface Vector {
  version: string;
  client_secret: string;
  method: string;
  uri: string;
  body: string;
  timestamp: string;
  expected: string;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 5, 1, 12));
});
afterEach(() => {
  vi.useRealTimers();
});

function capture() {
  const received: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
  const webhookFetch = async (url: string, init: RequestInit) => {
    received.push({ url, headers: init.headers as Record<string, string>, body: init.body as string });
    return new Response(null, { status: 204 });
  };
  return { received, webhookFetch };
}

describe('fake webhooks', () => {
  it('signs like HubSpot v3 (known answer)', () => {
    const vectors = readJsonFixture<{ vectors: Vector[] }>('signatures/hubspot.json').vectors.filter(
      (vector) => vector.version === 'v3',
    );
    expect(vectors).toHaveLength(1);
    for (const vector of vectors) {
      expect(
        signHubSpotV3(vector.client_secret, vector.method, vector.uri, vector.body, vector.timestamp),
      ).toBe(vector.expected);
    }
  });

  it('delivers signed contact.creation batches that the HubSpot verifier accepts', async () => {
    const { received, webhookFetch } = capture();
    const fake = createFakeHubSpot({ clientSecret: 'app-secret', webhookFetch });
    const url = 'https://hooks.example.com/hubspot?source=fake';
    fake.webhooks.subscribe({ url });
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    await hubspot.contacts.create({ properties: { email: 'a@x.com' } });
    await hubspot.contacts.create({ properties: { email: 'b@x.com' } });
    expect(fake.webhooks.pending).toBe(2);

    const deliveries = await fake.webhooks.flush();

    expect(deliveries.map((delivery) => delivery.status)).toEqual([204]);
    expect(received).toHaveLength(1);
    const [request] = received;
    const verifier = createHubSpotVerifier({ clientSecret: 'app-secret' });
    const result = verifier.verify(request?.body ?? '', request?.headers ?? {}, { url, method: 'POST' });
    expect(result.hubspotVersion).toBe('v3');
    const events = parseHubSpotWebhookDelivery(request?.body);
    expect(
      events.map((event) => [event.subscriptionType, 'objectId' in event ? String(event.objectId) : '']),
    ).toEqual(fake.state.contacts.map((contact) => ['contact.creation', contact.id]));
    expect(fake.webhooks.pending).toBe(0);
  });

  it('sends deal.propertyChange events when subscribed', async () => {
    const { received, webhookFetch } = capture();
    const fake = createFakeHubSpot({ webhookFetch });
    fake.webhooks.subscribe({ url: 'https://hooks.example.com/deals', events: ['deal.propertyChange'] });
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const deal = await hubspot.deals.create({ properties: { dealname: 'D' } });
    await hubspot.deals.moveToStage(deal.id, { stage: 'closedwon' });
    await fake.webhooks.flush();
    const events = parseHubSpotWebhookDelivery(received[0]?.body);
    expect(
      events.map((event) => ('propertyName' in event ? `${event.propertyName}=${event.propertyValue}` : '')),
    ).toEqual(['dealstage=closedwon']);
  });

  it('puts at most 100 events in one request', async () => {
    const { received, webhookFetch } = capture();
    const fake = createFakeHubSpot({ webhookFetch, limits: false });
    fake.webhooks.subscribe({ url: 'https://hooks.example.com/hubspot' });
    const hubspot = createHubSpotClient({
      accessToken: 'pat-test',
      transport: fake.transport,
      limits: false,
    });
    await hubspot.contacts.batch.create(
      Array.from({ length: 150 }, (_, index) => ({ properties: { email: `u${index}@x.com` } })),
    );
    await fake.webhooks.flush();
    expect(received.map((request) => (JSON.parse(request.body) as unknown[]).length)).toEqual([100, 50]);
  });
});
