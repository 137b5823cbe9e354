import { createFetchTransport } from '@patchbay/core';
import { useMockApi } from '@patchbay/test-utils';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createStripeClient, testPaymentMethods } from '../src/index.js';
import { createFakeStripe } from '../src/testing/index.js';
import { apiVersion, testKey } from './fake-client.js';

const api = useMockApi();

describe('the fake over msw with createFetchTransport', () => {
  it('serves the client through msw', async () => {
    const fake = createFakeStripe({ seed: 11, searchIndexLagMs: 0 });
    api.server.use(http.all('https://api.stripe.com/*', ({ request }) => fake.fetch(request)));
    const stripe = createStripeClient({
      apiKey: testKey,
      apiVersion,
      transport: createFetchTransport(),
      limits: false,
    });

    const customer = await stripe.customers.create({ email: 'msw@example.com', metadata: { source: 'msw' } });
    const intent = await stripe.paymentIntents.create({
      amount: 1999,
      currency: 'eur',
      customer: customer.id,
      payment_method: testPaymentMethods.visa,
      confirm: true,
    });

    expect(intent.status).toBe('succeeded');
    expect(fake.state.customers[0]?.metadata).toEqual({ source: 'msw' });
    const request = fake.requests[0];
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers['stripe-version']).toBe(apiVersion);
    expect(request?.headers.authorization).toBe('[masked]');
  });

  it('turns a reset into a network error that is retried with the same key', async () => {
    const fake = createFakeStripe({ seed: 12 });
    api.server.use(http.all('https://api.stripe.com/*', ({ request }) => fake.fetch(request)));
    const stripe = createStripeClient({
      apiKey: testKey,
      apiVersion,
      transport: createFetchTransport(),
      limits: false,
      retry: { initialDelayMs: 1, maxDelayMs: 2 },
    });
    fake.faults.inject({ kind: 'reset', when: 'after-processing' });

    await stripe.customers.create({ email: 'reset@example.com' }, { idempotencyKey: 'signup-reset' });

    expect(fake.requests.map((request) => [request.status, request.replayed])).toEqual([
      [undefined, false],
      [200, true],
    ]);
    expect(fake.state.customers).toHaveLength(1);
  });
});
