import { createStripeVerifier, createWebhookReceiver } from '@patchbay/webhooks';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type StripeEventOf, stripeEventHandlers, testPaymentMethods } from '../src/index.js';
import { fakeAndClient } from './fake-client.js';

describe('webhooks from the fake', () => {
  it('signs events that the webhooks verifier accepts and dispatches to typed handlers', async () => {
    const { fake, stripe } = fakeAndClient();
    const succeeded: Array<StripeEventOf<'payment_intent.succeeded'>> = [];
    const created: string[] = [];
    const secret = 'whsec_fake_endpoint_secret_for_tests';
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [secret] }),
      handlers: stripeEventHandlers({
        'payment_intent.succeeded': (event) => {
          expectTypeOf(event.data.object.amount).toEqualTypeOf<number>();
          succeeded.push(event);
        },
        'customer.created': (event) => {
          created.push(event.data.object.id);
        },
      }),
    });
    fake.webhooks.addEndpoint({
      url: 'https://merchant.example/stripe/webhooks',
      secret,
      fetch: receiver.fetch(),
    });

    const customer = await stripe.customers.create({ email: 'hook@example.com' });
    const intent = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      customer: customer.id,
      payment_method: testPaymentMethods.visa,
      confirm: true,
    });
    await fake.webhooks.idle();

    expect(created).toEqual([customer.id]);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]?.data.object.id).toBe(intent.id);
    expect(succeeded[0]?.data.object.amount_received).toBe(2500);
    expect(succeeded[0]?.request).toMatchObject({ id: fake.requests[1]?.requestId });
    const statuses = fake.webhooks.deliveries.map((delivery) => [delivery.type, delivery.status]);
    expect(statuses).toContainEqual(['payment_intent.succeeded', 200]);
    // Types without a handler are acknowledged, so Stripe does not retry them.
    expect(statuses).toContainEqual(['payment_intent.created', 200]);
  });

  it('retries a delivery answered with a non-2xx status', async () => {
    const { fake, stripe } = fakeAndClient({ webhooks: { retryDelaysMs: [1, 1] } });
    let calls = 0;
    fake.webhooks.addEndpoint({
      url: 'https://merchant.example/hooks',
      events: ['customer.created'],
      fetch: async () => {
        calls += 1;
        return new Response(null, { status: calls < 3 ? 500 : 204 });
      },
    });
    await stripe.customers.create({ email: 'retry-hook@example.com' });
    await fake.webhooks.idle();

    expect(fake.webhooks.deliveries.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 204],
    ]);
    const eventIds = new Set(fake.webhooks.deliveries.map((delivery) => delivery.eventId));
    expect(eventIds.size).toBe(1);
  });

  it('stops after the configured retries and records network failures', async () => {
    const { fake, stripe } = fakeAndClient({ webhooks: { retryDelaysMs: [1] } });
    fake.webhooks.addEndpoint({
      url: 'https://merchant.example/down',
      events: ['customer.created'],
      fetch: async () => {
        throw new TypeError('connect ECONNREFUSED');
      },
    });
    await stripe.customers.create({ email: 'down@example.com' });
    await fake.webhooks.idle();
    expect(fake.webhooks.deliveries.map((delivery) => [delivery.attempt, delivery.error])).toEqual([
      [1, 'connect ECONNREFUSED'],
      [2, 'connect ECONNREFUSED'],
    ]);
  });

  it('re-sends delivered events as duplicates when configured, and the receiver skips them', async () => {
    const { fake, stripe } = fakeAndClient({ webhooks: { duplicateProbability: 1 } });
    const secret = 'whsec_duplicates';
    const handled: string[] = [];
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [secret] }),
      handlers: stripeEventHandlers({ 'customer.created': (event) => void handled.push(event.id) }),
    });
    const outcomes: string[] = [];
    fake.webhooks.addEndpoint({
      url: 'https://merchant.example/dupes',
      secret,
      events: ['customer.created'],
      fetch: async (request) => {
        const response = await receiver.handle({
          rawBody: new Uint8Array(await request.arrayBuffer()),
          headers: request.headers,
        });
        outcomes.push(
          response.result.outcome === 'verified' ? (response.result.events[0]?.outcome ?? '') : 'rejected',
        );
        return new Response(response.body, { status: response.status });
      },
    });
    await stripe.customers.create({ email: 'twice@example.com' });
    await fake.webhooks.idle();

    expect(fake.webhooks.deliveries.map((delivery) => delivery.duplicate)).toEqual([false, true]);
    expect(outcomes).toEqual(['handled', 'duplicate']);
    expect(handled).toHaveLength(1);
  });

  it('sends events the fake never produces itself through triggerEvent', async () => {
    const { fake } = fakeAndClient();
    const secret = 'whsec_subscriptions';
    const statuses: string[] = [];
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [secret] }),
      handlers: stripeEventHandlers({
        'customer.subscription.updated': (event) => void statuses.push(event.data.object.status),
      }),
    });
    fake.webhooks.addEndpoint({ url: 'https://merchant.example/subs', secret, fetch: receiver.fetch() });
    const subscription = {
      id: 'sub_123',
      object: 'subscription',
      customer: 'cus_123',
      status: 'past_due',
      created: 1_700_000_000,
      livemode: false,
    };

    const event = fake.triggerEvent('customer.subscription.updated', subscription, {
      previousAttributes: { status: 'active' },
    });
    await fake.webhooks.idle();

    expect(event.data.previous_attributes).toEqual({ status: 'active' });
    expect(statuses).toEqual(['past_due']);
  });
});
