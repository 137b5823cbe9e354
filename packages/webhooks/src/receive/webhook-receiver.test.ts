import type { Logger } from '@patchbay/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  signGitHubWebhook,
  signHubSpotWebhook,
  signStandardWebhook,
  signStripeWebhook,
} from '../testing/index.js';
import { createGitHubVerifier } from '../verify/github-verifier.js';
import { createHubSpotVerifier } from '../verify/hubspot-verifier.js';
import { createStandardWebhooksVerifier } from '../verify/standard-webhooks-verifier.js';
import { createStripeVerifier } from '../verify/stripe-verifier.js';
import type { DedupStore } from './dedup-store.js';
import { MemoryDedupStore } from './memory-dedup-store.js';
import type { ReceiveResult } from './receive-result.js';
import { createWebhookReceiver } from './webhook-receiver.js';

const nowMs = 1_700_000_000_000;
const nowSeconds = 1_700_000_000;
const stripeSecret = 'whsec_receiver_test_secret_0123456789';
const customerCreated = z.object({
  id: z.string(),
  type: z.literal('customer.created'),
  data: z.object({ object: z.object({ id: z.string(), email: z.string() }) }),
});

function stripeEvent(id: string, type = 'customer.created') {
  return { id, type, data: { object: { id: 'cus_1', email: 'a@example.test' } } };
}

function signedStripe(payload: object) {
  const signed = signStripeWebhook({ payload, secret: stripeSecret, timestampSeconds: nowSeconds });
  return { rawBody: signed.body, headers: signed.headers };
}

function recordingLogger() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const log = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message });
  };
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, lines };
}

describe('createWebhookReceiver', () => {
  it('dispatches a Stripe event to its typed handler', async () => {
    const received: unknown[] = [];
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {
        'customer.created': {
          schema: customerCreated,
          handle: (event, context) => {
            received.push([
              event.data.object.email,
              context.id,
              context.type,
              context.verification.secretIndex,
            ]);
          },
        },
      },
      now: () => nowMs,
    });

    const response = await receiver.handle(signedStripe(stripeEvent('evt_1')));

    expect(response.status).toBe(200);
    expect(response.body).toBe('OK');
    expect(received).toEqual([['a@example.test', 'evt_1', 'customer.created', 0]]);
    expect(response.result).toMatchObject({
      outcome: 'verified',
      events: [{ outcome: 'handled', id: 'evt_1', type: 'customer.created' }],
    });
  });

  it('acknowledges an unknown event type as ignored', async () => {
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {},
      now: () => nowMs,
    });
    const response = await receiver.handle(signedStripe(stripeEvent('evt_2', 'charge.refunded')));
    expect(response.status).toBe(200);
    expect(response.result).toMatchObject({ events: [{ outcome: 'ignored', type: 'charge.refunded' }] });
  });

  it('skips a duplicate delivery', async () => {
    let calls = 0;
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {
        'customer.created': {
          schema: customerCreated,
          handle: () => {
            calls += 1;
          },
        },
      },
      now: () => nowMs,
    });
    const request = signedStripe(stripeEvent('evt_3'));
    await receiver.handle(request);
    const second = await receiver.handle(request);
    expect(calls).toBe(1);
    expect(second.status).toBe(200);
    expect(second.result).toMatchObject({ events: [{ outcome: 'duplicate', id: 'evt_3' }] });
  });

  it('answers 500 when a handler throws and handles the retry', async () => {
    let calls = 0;
    const { logger, lines } = recordingLogger();
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {
        'customer.created': {
          schema: customerCreated,
          handle: () => {
            calls += 1;
            if (calls === 1) throw new Error('database unavailable');
          },
        },
      },
      logger,
      now: () => nowMs,
    });
    const request = signedStripe(stripeEvent('evt_4'));

    const first = await receiver.handle(request);
    const retry = await receiver.handle(request);
    const third = await receiver.handle(request);

    expect(first.status).toBe(500);
    expect(first.result).toMatchObject({ events: [{ outcome: 'failed', id: 'evt_4' }] });
    expect(retry.status).toBe(200);
    expect(retry.result).toMatchObject({ events: [{ outcome: 'handled' }] });
    expect(third.result).toMatchObject({ events: [{ outcome: 'duplicate' }] });
    expect(calls).toBe(2);
    const failure = lines.find((line) => line.level === 'error');
    expect(failure?.fields).toMatchObject({ eventId: 'evt_4', error: 'database unavailable' });
  });

  it('answers 409 while another request holds the claim', async () => {
    const store: DedupStore = { claim: () => 'in-progress', markProcessed: () => {}, release: () => {} };
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: { 'customer.created': { schema: customerCreated, handle: () => {} } },
      dedupe: { store },
      now: () => nowMs,
    });
    const response = await receiver.handle(signedStripe(stripeEvent('evt_5')));
    expect(response.status).toBe(409);
    expect(response.result).toMatchObject({ events: [{ outcome: 'in-progress' }] });
  });

  it('answers 500 when the dedup store fails', async () => {
    let calls = 0;
    const store: DedupStore = {
      claim: () => Promise.reject(new Error('redis connection refused')),
      markProcessed: () => {},
      release: () => {},
    };
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {
        'customer.created': {
          schema: customerCreated,
          handle: () => {
            calls += 1;
          },
        },
      },
      dedupe: { store },
      now: () => nowMs,
    });
    const response = await receiver.handle(signedStripe(stripeEvent('evt_store')));
    expect(response.status).toBe(500);
    expect(response.result).toMatchObject({ events: [{ outcome: 'failed', id: 'evt_store' }] });
    expect(calls).toBe(0);
  });

  it('processes every delivery when dedupe is off', async () => {
    let calls = 0;
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {
        'customer.created': {
          schema: customerCreated,
          handle: () => {
            calls += 1;
          },
        },
      },
      dedupe: false,
      now: () => nowMs,
    });
    const request = signedStripe(stripeEvent('evt_6'));
    await receiver.handle(request);
    await receiver.handle(request);
    expect(calls).toBe(2);
  });

  it('answers 400 for a schema mismatch', async () => {
    const store = new MemoryDedupStore();
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: { 'customer.created': { schema: customerCreated, handle: () => {} } },
      dedupe: { store },
      now: () => nowMs,
    });
    const response = await receiver.handle(signedStripe({ id: 'evt_7', type: 'customer.created', data: {} }));
    expect(response.status).toBe(400);
    expect(response.result).toMatchObject({ events: [{ outcome: 'invalid', id: 'evt_7' }] });
    expect(store.size).toBe(0);
  });

  it.each([
    ['a missing header', { 'content-type': 'application/json' }, 400, 'missing_header'],
    ['a malformed header', { 'stripe-signature': 't=soon,v1=00' }, 400, 'malformed_header'],
    [
      'a wrong signature',
      { 'stripe-signature': `t=${nowSeconds},v1=${'0'.repeat(64)}` },
      401,
      'signature_mismatch',
    ],
    ['a stale timestamp', { 'stripe-signature': 'stale' }, 401, 'timestamp_too_old'],
  ])(
    'answers %s with its status and reason',
    async (_case, headers: Record<string, string>, status, reason) => {
      const receiver = createWebhookReceiver({
        verifier: createStripeVerifier({ secrets: [stripeSecret] }),
        handlers: {},
        now: () => nowMs,
      });
      const body = JSON.stringify(stripeEvent('evt_8'));
      const stale = signStripeWebhook({
        payload: body,
        secret: stripeSecret,
        timestampSeconds: nowSeconds - 600,
      });
      const requestHeaders = headers['stripe-signature'] === 'stale' ? stale.headers : headers;
      const response = await receiver.handle({ rawBody: body, headers: requestHeaders });
      expect(response.status).toBe(status);
      expect(response.result).toMatchObject({ outcome: 'rejected', reason });
      expect(response.body).toContain(reason);
    },
  );

  it('answers 500 with raw_body_required for a parsed body', async () => {
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {},
      now: () => nowMs,
    });
    const request = signedStripe(stripeEvent('evt_9'));
    const response = await receiver.handle({
      rawBody: JSON.parse(request.rawBody),
      headers: request.headers,
    });
    expect(response.status).toBe(500);
    expect(response.result).toMatchObject({ outcome: 'rejected', reason: 'raw_body_required' });
  });

  it('answers 413 for a body over maxBodyBytes', async () => {
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {},
      maxBodyBytes: 10,
      now: () => nowMs,
    });
    const response = await receiver.handle(signedStripe(stripeEvent('evt_10')));
    expect(response.status).toBe(413);
    expect(response.body).toBe('Payload Too Large');
  });

  it('answers 400 for a verified body that is not JSON', async () => {
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {},
      now: () => nowMs,
    });
    const signed = signStripeWebhook({
      payload: 'not json',
      secret: stripeSecret,
      timestampSeconds: nowSeconds,
    });
    const response = await receiver.handle({ rawBody: signed.body, headers: signed.headers });
    expect(response.status).toBe(400);
    expect(response.result).toMatchObject({
      outcome: 'rejected',
      reason: 'invalid_json',
      verification: { scheme: 'stripe' },
    });
  });

  it('dispatches and deduplicates each event of a HubSpot batch', async () => {
    const clientSecret = 'hubspot-client-secret-for-tests';
    const url = 'https://hooks.example.test/hubspot';
    const handled: number[] = [];
    const receiver = createWebhookReceiver({
      verifier: createHubSpotVerifier({ clientSecret }),
      handlers: {
        'contact.creation': {
          schema: z.object({ eventId: z.number(), objectId: z.number() }),
          handle: (event) => void handled.push(event.eventId),
        },
      },
      now: () => nowMs,
    });
    const batch = [
      { eventId: 1, subscriptionType: 'contact.creation', objectId: 11 },
      { eventId: 2, subscriptionType: 'contact.deletion', objectId: 12 },
      { eventId: 3, subscriptionType: 'contact.creation', objectId: 13 },
    ];
    const first = signHubSpotWebhook({ payload: batch, clientSecret, url, timestampMs: nowMs });
    const second = signHubSpotWebhook({
      payload: [batch[2], { ...batch[0], eventId: 4 }],
      clientSecret,
      url,
      timestampMs: nowMs,
    });

    const firstResponse = await receiver.handle({ rawBody: first.body, headers: first.headers, url });
    const secondResponse = await receiver.handle({ rawBody: second.body, headers: second.headers, url });

    expect(handled).toEqual([1, 3, 4]);
    expect(firstResponse.result).toMatchObject({
      events: [
        { outcome: 'handled', id: '1' },
        { outcome: 'ignored', id: '2', type: 'contact.deletion' },
        { outcome: 'handled', id: '3' },
      ],
    });
    expect(secondResponse.result).toMatchObject({
      events: [
        { outcome: 'duplicate', id: '3' },
        { outcome: 'handled', id: '4' },
      ],
    });
  });

  it('uses webhook-id and payload type for Standard Webhooks', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const contexts: unknown[] = [];
    const receiver = createWebhookReceiver({
      verifier: createStandardWebhooksVerifier({ secrets: [secret] }),
      handlers: {
        'invoice.paid': {
          schema: z.object({ type: z.literal('invoice.paid'), data: z.object({ amount: z.number() }) }),
          handle: (event, context) => void contexts.push([context.id, event.data.amount]),
        },
      },
      now: () => nowMs,
    });
    const signed = signStandardWebhook({
      payload: { type: 'invoice.paid', data: { amount: 1050 } },
      secret,
      id: 'msg_42',
      timestampSeconds: nowSeconds,
    });
    const response = await receiver.handle({ rawBody: signed.body, headers: signed.headers });
    expect(response.status).toBe(200);
    expect(contexts).toEqual([['msg_42', 1050]]);
  });

  it('processes a redelivery again once the dedup TTL has passed', async () => {
    let clockMs = nowMs;
    let calls = 0;
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({
        secrets: [stripeSecret],
        toleranceSeconds: 'disabled-i-understand-replay-risk',
      }),
      handlers: {
        'customer.created': {
          schema: customerCreated,
          handle: () => {
            calls += 1;
          },
        },
      },
      dedupe: { ttlMs: 60_000 },
      now: () => clockMs,
    });
    const request = signedStripe(stripeEvent('evt_ttl'));
    await receiver.handle(request);
    clockMs += 59_999;
    const withinTtl = await receiver.handle(request);
    clockMs += 1;
    const afterTtl = await receiver.handle(request);
    expect(withinTtl.result).toMatchObject({ events: [{ outcome: 'duplicate' }] });
    expect(afterTtl.result).toMatchObject({ events: [{ outcome: 'handled' }] });
    expect(calls).toBe(2);
  });

  it('dispatches GitHub-style deliveries by X-GitHub-Event', async () => {
    const received: unknown[] = [];
    const receiver = createWebhookReceiver({
      verifier: createGitHubVerifier({ secrets: ['gh-secret'] }),
      handlers: {
        push: {
          schema: z.object({ ref: z.string() }),
          handle: (event, context) => void received.push([event.ref, context.id]),
        },
      },
    });
    const signed = signGitHubWebhook({
      payload: { ref: 'refs/heads/main' },
      secret: 'gh-secret',
      event: 'push',
      deliveryId: 'd-7',
    });
    const response = await receiver.handle({ rawBody: signed.body, headers: signed.headers });
    expect(response.status).toBe(200);
    expect(received).toEqual([['refs/heads/main', 'd-7']]);
  });

  it('reports every result to onResult and survives a throwing observer', async () => {
    const results: ReceiveResult[] = [];
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {},
      onResult: (result) => {
        results.push(result);
        throw new Error('dashboard offline');
      },
      now: () => nowMs,
    });
    const ok = await receiver.handle(signedStripe(stripeEvent('evt_11')));
    const bad = await receiver.handle({ rawBody: '{}', headers: {} });
    expect(ok.status).toBe(200);
    expect(bad.status).toBe(400);
    expect(results.map((result) => result.outcome)).toEqual(['verified', 'rejected']);
  });

  it('never logs the secret or the signature', async () => {
    const { logger, lines } = recordingLogger();
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [stripeSecret] }),
      handlers: {},
      logger,
      now: () => nowMs,
    });
    const wrong = signStripeWebhook({
      payload: '{}',
      secret: 'whsec_other_secret_000000000000',
      timestampSeconds: nowSeconds,
    });
    await receiver.handle({ rawBody: wrong.body, headers: wrong.headers });
    const logged = JSON.stringify(lines);
    const signature = wrong.headers['stripe-signature']!.split('v1=')[1]!;
    expect(lines.some((line) => line.level === 'warn')).toBe(true);
    expect(logged).not.toContain(stripeSecret);
    expect(logged).not.toContain(signature);
  });
});
