import { describe, expect, it } from 'vitest';
import { fakeAndClient } from './fake-client.js';

function posts(fake: ReturnType<typeof fakeAndClient>['fake'], path: string) {
  return fake.requests.filter((request) => request.method === 'POST' && request.path === path);
}

describe('idempotency keys on writes', () => {
  it('replays a write whose response was lost to a reset', async () => {
    const { fake, stripe } = fakeAndClient();
    fake.faults.inject(
      { kind: 'reset', when: 'after-processing' },
      { match: { method: 'POST', path: '/v1/payment_intents' } },
    );

    const intent = await stripe.paymentIntents.create(
      { amount: 4200, currency: 'usd', metadata: { order: '42' } },
      { idempotencyKey: 'order-42-pi' },
    );

    const attempts = posts(fake, '/v1/payment_intents');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.status).toBeUndefined();
    expect(attempts[0]?.fault).toBe('reset');
    expect(attempts[1]?.status).toBe(200);
    expect(attempts[1]?.replayed).toBe(true);
    expect(attempts.map((request) => request.headers['idempotency-key'])).toEqual([
      'order-42-pi',
      'order-42-pi',
    ]);
    expect(attempts[0]?.body).toBe('amount=4200&currency=usd&metadata[order]=42');
    expect(attempts[1]?.body).toBe(attempts[0]?.body);
    // The first attempt was stored, so the retry returned it instead of charging twice.
    expect(fake.state.paymentIntents).toHaveLength(1);
    expect(fake.state.paymentIntents[0]?.id).toBe(intent.id);
  });

  it('generates one key per call and reuses it on every retry', async () => {
    const { fake, stripe } = fakeAndClient();
    fake.faults.inject({ kind: 'server-error', status: 500 }, { times: 2, match: { path: '/v1/customers' } });

    await stripe.customers.create({ email: 'retry@example.com' });

    const attempts = posts(fake, '/v1/customers');
    expect(attempts.map((request) => request.status)).toEqual([500, 500, 200]);
    const keys = new Set(attempts.map((request) => request.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);

    await stripe.customers.create({ email: 'retry@example.com' });
    expect(posts(fake, '/v1/customers')[3]?.headers['idempotency-key']).not.toBe([...keys][0]);
  });

  it('sends no key on GET requests, even when one is passed', async () => {
    const { fake, stripe } = fakeAndClient();
    const customer = await stripe.customers.create({ email: 'get@example.com' });
    fake.faults.inject({ kind: 'server-error', status: 503 }, { match: { method: 'GET' } });

    await stripe.customers.retrieve(customer.id, { idempotencyKey: 'ignored-on-get' });
    await stripe.customers.list({ email: 'get@example.com' }).toArray();

    const gets = fake.requests.filter((request) => request.method === 'GET');
    expect(gets).toHaveLength(3);
    for (const request of gets) expect(request.headers['idempotency-key']).toBeUndefined();
  });

  it('replays with Idempotent-Replayed and rejects a reused key with other parameters', async () => {
    const { fake, stripe } = fakeAndClient();
    const first = await stripe.customers.create(
      { email: 'same@example.com' },
      { idempotencyKey: 'customer-1' },
    );
    const again = await stripe.customers.create(
      { email: 'same@example.com' },
      { idempotencyKey: 'customer-1' },
    );
    expect(again.id).toBe(first.id);
    expect(fake.requests.at(-1)?.replayed).toBe(true);

    const error = await stripe.customers
      .create({ email: 'other@example.com' }, { idempotencyKey: 'customer-1' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'StripeIdempotencyError',
      status: 400,
      retryable: false,
      attempts: 1,
    });
    expect(fake.state.customers).toHaveLength(1);
  });
});
