import { afterEach, describe, expect, it } from 'vitest';
import { createStripeClient } from '../src/index.js';
import { createFakeStripe, type FakeServer } from '../src/testing/index.js';
import { apiVersion, testKey } from './fake-client.js';

// Kept apart from the msw tests: msw would intercept these real HTTP requests.
describe('the fake over real HTTP', () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('listens on 127.0.0.1 and answers the default transport', async () => {
    const fake = createFakeStripe({ seed: 13 });
    server = await fake.listen();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const stripe = createStripeClient({
      apiKey: testKey,
      apiVersion,
      baseUrl: server.url,
      limits: false,
      retry: { initialDelayMs: 1, maxDelayMs: 2 },
    });
    fake.faults.inject({ kind: 'reset', when: 'before-processing' });

    const customer = await stripe.customers.create({ email: 'http@example.com' });
    const listed = await stripe.customers.list({ email: 'http@example.com' }).toArray();

    expect(listed.map((item) => item.id)).toEqual([customer.id]);
    expect(fake.requests.map((request) => request.status)).toEqual([undefined, 200, 200]);
    await stripe.close();
  });
});
