// The README's examples, kept compiling and passing here. When an example changes, change it here.
import { createServer } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  createGitHubVerifier,
  createHubSpotVerifier,
  createStandardWebhooksVerifier,
  createStripeVerifier,
  createWebhookReceiver,
  createWebhookSender,
  type DedupStore,
} from '../src/index.js';
import { signHubSpotWebhook, signStripeWebhook } from '../src/testing/index.js';
import { sendRaw } from './local-http.js';

const secret = 'whsec_readme_example_secret_0123456789';

afterEach(() => {
  vi.unstubAllEnvs();
});

function stubEnvironment() {
  vi.stubEnv('STRIPE_WEBHOOK_SECRET', secret);
  vi.stubEnv('STRIPE_CONNECT_WEBHOOK_SECRET', 'whsec_readme_connect_secret_01234567');
  vi.stubEnv('HUBSPOT_CLIENT_SECRET', 'readme-hubspot-client-secret');
  vi.stubEnv('WEBHOOK_SECRET', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
  vi.stubEnv('GITHUB_WEBHOOK_SECRET', 'readme-github-secret');
  vi.stubEnv('WEBHOOK_SIGNING_SECRET', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
}

const invoicePaid = z.object({
  id: z.string(),
  type: z.literal('invoice.paid'),
  data: z.object({ object: z.object({ id: z.string(), amount_paid: z.number() }) }),
});

function readmeReceiver(markInvoicePaid: (id: string, amount: number) => Promise<void>) {
  return createWebhookReceiver({
    verifier: createStripeVerifier({ secrets: [process.env.STRIPE_WEBHOOK_SECRET!] }),
    handlers: {
      'invoice.paid': {
        schema: invoicePaid,
        handle: async (event) => {
          await markInvoicePaid(event.data.object.id, event.data.object.amount_paid);
        },
      },
    },
  });
}

const invoiceEvent = {
  id: 'evt_readme',
  type: 'invoice.paid',
  data: { object: { id: 'in_1', amount_paid: 1050 } },
};

describe('README examples', () => {
  it('verifies with each scheme', () => {
    stubEnvironment();
    const signed = signStripeWebhook({ payload: invoiceEvent, secret });
    const rawBody = signed.body;
    const headers = signed.headers;

    const stripe = createStripeVerifier({ secrets: [process.env.STRIPE_WEBHOOK_SECRET!] });
    const result = stripe.verify(rawBody, headers);

    const hubspot = createHubSpotVerifier({
      clientSecret: process.env.HUBSPOT_CLIENT_SECRET!,
      publicUrl: 'https://hooks.example.com',
    });
    const hubspotSigned = signHubSpotWebhook({
      payload: '[]',
      clientSecret: process.env.HUBSPOT_CLIENT_SECRET!,
      url: 'https://hooks.example.com/hubspot',
    });
    const request = new Request('http://internal:8080/hubspot', { method: 'POST', body: hubspotSigned.body });
    const hubspotResult = hubspot.verify(hubspotSigned.body, hubspotSigned.headers, {
      url: request.url,
      method: request.method,
    });

    const standard = createStandardWebhooksVerifier({ secrets: [process.env.WEBHOOK_SECRET!] });
    const github = createGitHubVerifier({ secrets: [process.env.GITHUB_WEBHOOK_SECRET!] });

    expect(result.secretIndex).toBe(0);
    expect(hubspotResult.signedUri).toBe('https://hooks.example.com/hubspot');
    expect([hubspot.scheme, standard.scheme, github.scheme]).toEqual([
      'hubspot',
      'standard-webhooks',
      'github',
    ]);
  });

  it('receives through handle() with a typed handler', async () => {
    stubEnvironment();
    const paid: [string, number][] = [];
    const receiver = readmeReceiver(async (id, amount) => void paid.push([id, amount]));
    const signed = signStripeWebhook({
      payload: invoiceEvent,
      secret,
      timestampSeconds: Math.floor(Date.now() / 1000),
    });

    const response = await receiver.handle({ rawBody: signed.body, headers: signed.headers });

    expect(response.status).toBe(200);
    expect(paid).toEqual([['in_1', 1050]]);
  });

  it('serves Node http, Express, Next.js, Hono and Lambda', async () => {
    stubEnvironment();
    const paid: string[] = [];
    const receiver = readmeReceiver(async (id) => void paid.push(id));
    const signed = signStripeWebhook({ payload: invoiceEvent, secret });

    const server = createServer(receiver.node());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const app = express();
    app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), receiver.express());
    const appServer = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => appServer.once('listening', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const appPort = (appServer.address() as { port: number }).port;
      const fromNode = await sendRaw({ port, path: '/', headers: signed.headers, chunks: [signed.body] });
      const fromExpress = await sendRaw({
        port: appPort,
        path: '/webhooks/stripe',
        headers: signed.headers,
        chunks: [signed.body],
      });
      expect([fromNode.status, fromExpress.status]).toEqual([200, 200]);
    } finally {
      server.close();
      appServer.close();
    }

    const POST = receiver.fetch();
    const request = () =>
      new Request('https://app.example.com/api/webhooks/stripe', {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
      });
    expect((await POST(request())).status).toBe(200);

    const handleStripe = receiver.fetch();
    const honoRoute = (c: { req: { raw: Request } }) => handleStripe(c.req.raw);
    expect((await honoRoute({ req: { raw: request() } })).status).toBe(200);

    const handler = receiver.lambda();
    const lambdaResponse = await handler({
      body: signed.body,
      headers: signed.headers,
      rawPath: '/webhooks/stripe',
      requestContext: { http: { method: 'POST' } },
    });
    expect(lambdaResponse.statusCode).toBe(200);
    // Every delivery carries the same event id, so only the first one runs the handler.
    expect(paid).toEqual(['in_1']);
  });

  it('reports which labelled secret matched', () => {
    stubEnvironment();
    const verifier = createStripeVerifier({
      secrets: [
        { secret: process.env.STRIPE_WEBHOOK_SECRET!, label: 'platform' },
        { secret: process.env.STRIPE_CONNECT_WEBHOOK_SECRET!, label: 'connect' },
      ],
    });
    const signed = signStripeWebhook({ payload: '{}', secret: process.env.STRIPE_CONNECT_WEBHOOK_SECRET! });
    expect(verifier.verify(signed.body, signed.headers).secretLabel).toBe('connect');
  });

  it('configures HubSpot behind a proxy', () => {
    const clientSecret = 'readme-hubspot-client-secret';
    expect(createHubSpotVerifier({ clientSecret, publicUrl: 'https://hooks.example.com' }).scheme).toBe(
      'hubspot',
    );
    expect(createHubSpotVerifier({ clientSecret, trustProxyHeaders: true }).scheme).toBe('hubspot');
  });

  it('deduplicates through a Redis-shaped store', async () => {
    stubEnvironment();
    // A stand-in with the ioredis call shapes the README uses.
    const values = new Map<string, string>();
    const redis = {
      async set(key: string, value: string, _px: 'PX', _ms: number, nx?: 'NX') {
        if (nx && values.has(key)) return null;
        values.set(key, value);
        return 'OK' as const;
      },
      async get(key: string) {
        return values.get(key) ?? null;
      },
      async del(key: string) {
        return values.delete(key) ? 1 : 0;
      },
    };

    const redisDedupStore: DedupStore = {
      async claim(key, leaseMs) {
        if ((await redis.set(`webhook:${key}`, 'processing', 'PX', leaseMs, 'NX')) === 'OK') return 'claimed';
        return (await redis.get(`webhook:${key}`)) === 'processed' ? 'duplicate' : 'in-progress';
      },
      async markProcessed(key, ttlMs) {
        await redis.set(`webhook:${key}`, 'processed', 'PX', ttlMs);
      },
      async release(key) {
        await redis.del(`webhook:${key}`);
      },
    };

    const verifier = createStripeVerifier({ secrets: [secret] });
    const handlers = { 'invoice.paid': { schema: invoicePaid, handle: async () => {} } };
    const receiver = createWebhookReceiver({
      verifier,
      handlers,
      dedupe: { store: redisDedupStore, ttlMs: 3 * 24 * 3600 * 1000 },
    });
    const signed = signStripeWebhook({ payload: invoiceEvent, secret });
    const first = await receiver.handle({ rawBody: signed.body, headers: signed.headers });
    const second = await receiver.handle({ rawBody: signed.body, headers: signed.headers });

    expect(first.result).toMatchObject({ events: [{ outcome: 'handled' }] });
    expect(second.result).toMatchObject({ events: [{ outcome: 'duplicate' }] });
    expect(values.get('webhook:stripe:evt_readme')).toBe('processed');
  });

  it('creates a sender and stores the delivery', async () => {
    stubEnvironment();
    const sender = createWebhookSender({ secret: process.env.WEBHOOK_SIGNING_SECRET! });
    try {
      const delivery = await sender.send('https://customer.example.com/webhooks', {
        type: 'invoice.paid',
        data: { id: 'inv_1' },
      });
      expect(delivery.status).toBe('pending');
      expect(delivery.body).toBe('{"type":"invoice.paid","data":{"id":"inv_1"}}');
    } finally {
      await sender.close();
    }
  });

  it('signs a test payload for a handler', async () => {
    stubEnvironment();
    const receiver = readmeReceiver(async () => {});
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_700_000_000_000);
    try {
      const event = {
        id: 'evt_1',
        type: 'invoice.paid',
        data: { object: { id: 'in_1', amount_paid: 1050 } },
      };
      const signed = signStripeWebhook({ payload: event, secret, timestampSeconds: 1_700_000_000 });
      const response = await receiver.handle({ rawBody: signed.body, headers: signed.headers });
      expect(response.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});
