import { readdirSync } from 'node:fs';
import { fixturePath, readFixture, readJsonFixture } from '@patchbay/test-utils';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createHubSpotVerifier,
  createStripeVerifier,
  createWebhookReceiver,
  type ReceiveResult,
} from '../src/index.js';
import { signHubSpotWebhook, signStripeWebhook } from '../src/testing/index.js';
import { type LocalServer, sendRaw, startLocalServer } from './local-http.js';

const stripeSecret = 'whsec_round_trip_endpoint_secret_01234';
const hubspotSecret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';

// Defined here, not in the package: an application's own view of the events it handles.
const stripeEvent = z.object({
  id: z.string().startsWith('evt_'),
  object: z.literal('event'),
  type: z.string(),
  created: z.number().int(),
  data: z.object({ object: z.looseObject({ id: z.string(), object: z.string() }) }),
});
const hubspotEvent = z.object({
  eventId: z.number().int(),
  subscriptionId: z.number().int(),
  portalId: z.number().int(),
  occurredAt: z.number().int(),
  subscriptionType: z.enum(['contact.creation', 'contact.propertyChange']),
  objectId: z.number().int(),
  propertyName: z.string().optional(),
  propertyValue: z.string().optional(),
});

const stripeFiles = readdirSync(fixturePath('stripe/events')).filter((name) => name.endsWith('.json'));
const stripeBodies = stripeFiles.map((name) => ({ name, body: readFixture(`stripe/events/${name}`) }));

interface HubSpotDelivery {
  subscriptionType: string;
  raw_body?: string;
  events?: unknown[];
}
const hubspotBodies = readJsonFixture<{ deliveries: HubSpotDelivery[] }>(
  'hubspot/webhook-deliveries.json',
).deliveries.map((delivery, index) => ({
  index,
  type: delivery.subscriptionType,
  body: delivery.raw_body ?? JSON.stringify(delivery.events),
}));

function stripeReceiver(received: z.output<typeof stripeEvent>[], results: ReceiveResult[]) {
  const handle = (event: z.output<typeof stripeEvent>) => void received.push(event);
  const types = stripeBodies.map(({ body }) => (JSON.parse(body) as { type: string }).type);
  return createWebhookReceiver({
    verifier: createStripeVerifier({ secrets: [stripeSecret] }),
    handlers: Object.fromEntries(types.map((type) => [type, { schema: stripeEvent, handle }])),
    onResult: (result) => void results.push(result),
  });
}

function hubspotReceiver(received: z.output<typeof hubspotEvent>[]) {
  const handler = {
    schema: hubspotEvent,
    handle: (event: z.output<typeof hubspotEvent>) => void received.push(event),
  };
  return createWebhookReceiver({
    verifier: createHubSpotVerifier({ clientSecret: hubspotSecret }),
    handlers: { 'contact.creation': handler, 'contact.propertyChange': handler },
  });
}

// Every Stripe fixture uses the placeholder id evt_000000000000000000000000 and the two HubSpot UI
// test payloads share eventId 100, so each delivery gets its own receiver and dedup memory.
async function withServer<T>(
  listener: Parameters<typeof startLocalServer>[0],
  run: (server: LocalServer) => Promise<T>,
) {
  const server = await startLocalServer(listener);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

describe('fixtures through the Node adapter', () => {
  it('has Stripe event fixtures to send', () => {
    expect(stripeFiles).toHaveLength(5);
  });

  it.each(stripeBodies)('delivers Stripe $name to its handler', async ({ body }) => {
    const received: z.output<typeof stripeEvent>[] = [];
    const results: ReceiveResult[] = [];
    const signed = signStripeWebhook({ payload: body, secret: stripeSecret });

    const response = await withServer(stripeReceiver(received, results).node(), (server) =>
      sendRaw({ port: server.port, path: '/webhooks/stripe', headers: signed.headers, chunks: [body] }),
    );

    const sent = JSON.parse(body) as { id: string; type: string };
    expect(response.status).toBe(200);
    expect(response.body).toBe('OK');
    expect(received).toEqual([stripeEvent.parse(sent)]);
    expect(received[0]?.id).toBe(sent.id);
    expect(received[0]?.type).toBe(sent.type);
    expect(results).toMatchObject([
      { outcome: 'verified', events: [{ outcome: 'handled', type: sent.type }] },
    ]);
  });

  it.each(hubspotBodies)('delivers HubSpot delivery $index ($type) to its handler', async ({ body }) => {
    const received: z.output<typeof hubspotEvent>[] = [];
    const server = await startLocalServer(hubspotReceiver(received).node());
    try {
      const signed = signHubSpotWebhook({
        payload: body,
        clientSecret: hubspotSecret,
        url: `${server.origin}/hubspot`,
      });
      const response = await sendRaw({
        port: server.port,
        path: '/hubspot',
        headers: signed.headers,
        chunks: [body],
      });
      expect(response.status).toBe(200);
      expect(received).toEqual(z.array(hubspotEvent).parse(JSON.parse(body)));
      expect(received.map((event) => event.eventId)).toEqual(
        JSON.parse(body).map((event: { eventId: number }) => event.eventId),
      );
    } finally {
      await server.close();
    }
  });
});

describe('fixtures through the Fetch adapter', () => {
  it.each(stripeBodies)('delivers Stripe $name to its handler', async ({ body }) => {
    const received: z.output<typeof stripeEvent>[] = [];
    const handler = stripeReceiver(received, []).fetch();
    const signed = signStripeWebhook({ payload: body, secret: stripeSecret });

    const response = await handler(
      new Request('https://app.example.test/api/webhooks/stripe', {
        method: 'POST',
        headers: signed.headers,
        body,
      }),
    );

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('OK');
    expect(received).toEqual([stripeEvent.parse(JSON.parse(body))]);
    expect(received[0]?.id).toBe(JSON.parse(body).id);
  });

  it.each(hubspotBodies)('delivers HubSpot delivery $index ($type) to its handler', async ({ body }) => {
    const received: z.output<typeof hubspotEvent>[] = [];
    const handler = hubspotReceiver(received).fetch();
    const url = 'https://app.example.test/api/hubspot?portal=62515';
    const signed = signHubSpotWebhook({ payload: body, clientSecret: hubspotSecret, url });

    const response = await handler(new Request(url, { method: 'POST', headers: signed.headers, body }));

    expect(response.status).toBe(200);
    expect(received).toEqual(z.array(hubspotEvent).parse(JSON.parse(body)));
    expect(received).toHaveLength(JSON.parse(body).length);
  });
});
