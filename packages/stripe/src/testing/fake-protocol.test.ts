import { describe, expect, it } from 'vitest';
import { createFakeStripe } from './create-fake-stripe.js';

const key = 'sk_test_protocol';

function call(
  fake: ReturnType<typeof createFakeStripe>,
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string> } = {},
) {
  return fake.fetch(
    new Request(`https://api.stripe.com${path}`, {
      method,
      body: options.body,
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/x-www-form-urlencoded',
        ...options.headers,
      },
    }),
  );
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: Record<string, string> }).error;
}

describe('fake Stripe protocol', () => {
  it('answers 401 without a key and for a publishable key', async () => {
    const fake = createFakeStripe();
    const missing = await fake.fetch(new Request('https://api.stripe.com/v1/customers'));
    expect(missing.status).toBe(401);
    expect((await errorOf(missing)).message).toContain('You did not provide an API key');

    const publishable = await call(fake, 'GET', '/v1/customers', {
      headers: { authorization: 'Bearer pk_test_abcdefghijkl' },
    });
    expect(publishable.status).toBe(401);
    expect(await errorOf(publishable)).toMatchObject({
      type: 'invalid_request_error',
      code: 'api_key_invalid',
    });
  });

  it('answers 403 to writes with a read-only key and 404 to unknown paths', async () => {
    const fake = createFakeStripe({ readOnlyKeys: ['rk_test_readonly'] });
    const write = await call(fake, 'POST', '/v1/customers', {
      body: 'email=a%40b.com',
      headers: { authorization: 'Bearer rk_test_readonly' },
    });
    expect(write.status).toBe(403);
    const read = await call(fake, 'GET', '/v1/customers', {
      headers: { authorization: 'Bearer rk_test_readonly' },
    });
    expect(read.status).toBe(200);
    const unknown = await call(fake, 'GET', '/v1/charges_that_do_not_exist');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).message).toBe(
      'Unrecognized request URL (GET: /v1/charges_that_do_not_exist).',
    );
  });

  it('rejects a malformed Stripe-Version and echoes a valid one', async () => {
    const fake = createFakeStripe();
    const bad = await call(fake, 'GET', '/v1/customers', { headers: { 'stripe-version': 'latest' } });
    expect(bad.status).toBe(400);
    const good = await call(fake, 'GET', '/v1/customers', { headers: { 'stripe-version': '2024-06-20' } });
    expect(good.headers.get('stripe-version')).toBe('2024-06-20');
    expect(good.headers.get('request-id')).toMatch(/^req_/);
  });

  it('validates parameters like Stripe, naming the parameter', async () => {
    const fake = createFakeStripe();
    const cases: Array<[string, string, string, string]> = [
      ['/v1/payment_intents', 'currency=usd', 'amount', 'parameter_missing'],
      ['/v1/payment_intents', 'amount=ten&currency=usd', 'amount', 'parameter_invalid_integer'],
      ['/v1/payment_intents', 'amount=0&currency=usd', 'amount', 'parameter_invalid_integer'],
      [
        '/v1/payment_intents',
        'amount=100&currency=usd&payment_method=pm_unknown',
        'payment_method',
        'resource_missing',
      ],
      ['/v1/invoices', 'customer=cus_missing', 'customer', 'resource_missing'],
      ['/v1/customers', 'metadata[k]=' + 'v'.repeat(501), 'metadata[k]', 'parameter_invalid'],
    ];
    for (const [path, body, param, code] of cases) {
      const response = await call(fake, 'POST', path, { body });
      expect(response.status === 400 || response.status === 404, `${path} ${body}`).toBe(true);
      expect(await errorOf(response), `${path} ${body}`).toMatchObject({
        type: 'invalid_request_error',
        param,
        code,
      });
    }
    expect(fake.state.paymentIntents).toHaveLength(0);
  });

  it('answers 409 while a request with the same key is running', async () => {
    const fake = createFakeStripe();
    fake.faults.inject({ kind: 'slow', delayMs: 30 });
    const headers = { 'idempotency-key': 'concurrent-1' };
    const first = call(fake, 'POST', '/v1/customers', { body: 'email=c%40example.com', headers });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await call(fake, 'POST', '/v1/customers', { body: 'email=c%40example.com', headers });

    expect(second.status).toBe(409);
    expect(await errorOf(second)).toMatchObject({ code: 'idempotency_key_in_use' });
    expect((await first).status).toBe(200);
    const third = await call(fake, 'POST', '/v1/customers', { body: 'email=c%40example.com', headers });
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    expect(third.headers.get('original-request')).toBe(fake.requests[0]?.requestId);
    expect(fake.state.customers).toHaveLength(1);
  });

  it('does not keep validation failures for replay and expires keys after 24 hours', async () => {
    let nowMs = Date.UTC(2026, 4, 1);
    const fake = createFakeStripe({ now: () => nowMs });
    const headers = { 'idempotency-key': 'fix-and-retry' };
    expect((await call(fake, 'POST', '/v1/payment_intents', { body: 'currency=usd', headers })).status).toBe(
      400,
    );
    expect(
      (await call(fake, 'POST', '/v1/payment_intents', { body: 'amount=500&currency=usd', headers })).status,
    ).toBe(200);

    const other = await call(fake, 'POST', '/v1/payment_intents', {
      body: 'amount=600&currency=usd',
      headers,
    });
    expect(other.status).toBe(400);
    expect((await errorOf(other)).type).toBe('idempotency_error');

    nowMs += 24 * 60 * 60 * 1000;
    expect(
      (await call(fake, 'POST', '/v1/payment_intents', { body: 'amount=600&currency=usd', headers })).status,
    ).toBe(200);
    expect(fake.state.paymentIntents.map((intent) => intent.amount)).toEqual([500, 600]);
  });

  it('keeps a card decline for replay, as Stripe keeps results of executed requests', async () => {
    const fake = createFakeStripe();
    const headers = { 'idempotency-key': 'declined-once' };
    const body = 'amount=900&currency=usd&payment_method=pm_card_chargeDeclined&confirm=true';
    const first = await call(fake, 'POST', '/v1/payment_intents', { body, headers });
    const second = await call(fake, 'POST', '/v1/payment_intents', { body, headers });
    expect([first.status, second.status]).toEqual([402, 402]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(fake.state.paymentIntents).toHaveLength(1);
  });

  it('unsets one metadata key with an empty value and all keys with an empty metadata', async () => {
    const fake = createFakeStripe();
    const created = (await (
      await call(fake, 'POST', '/v1/customers', { body: 'metadata[a]=1&metadata[b]=2' })
    ).json()) as { id: string };
    await call(fake, 'POST', `/v1/customers/${created.id}`, { body: 'metadata[a]=' });
    expect(fake.state.customers[0]?.metadata).toEqual({ b: '2' });
    await call(fake, 'POST', `/v1/customers/${created.id}`, { body: 'metadata=' });
    expect(fake.state.customers[0]?.metadata).toEqual({});
    const updates = fake.state.events.filter((event) => event.type === 'customer.updated');
    expect(updates.map((event) => event.data.previous_attributes)).toEqual([
      { metadata: { a: '1', b: '2' } },
      { metadata: { b: '2' } },
    ]);
  });

  it('filters the customer list by exact, case-sensitive email', async () => {
    const fake = createFakeStripe();
    await call(fake, 'POST', '/v1/customers', { body: 'email=Case%40Example.com' });
    const exact = (await (await call(fake, 'GET', '/v1/customers?email=Case%40Example.com')).json()) as {
      data: unknown[];
    };
    const lower = (await (await call(fake, 'GET', '/v1/customers?email=case%40example.com')).json()) as {
      data: unknown[];
    };
    expect(exact.data).toHaveLength(1);
    expect(lower.data).toHaveLength(0);
  });

  it('checks list parameters', async () => {
    const fake = createFakeStripe();
    const limit = await call(fake, 'GET', '/v1/customers?limit=101');
    expect(await errorOf(limit)).toMatchObject({ param: 'limit' });
    const cursor = await call(fake, 'GET', '/v1/customers?starting_after=cus_nope');
    expect(cursor.status).toBe(404);
    expect(await errorOf(cursor)).toMatchObject({ param: 'starting_after', code: 'resource_missing' });
    const both = await call(fake, 'GET', '/v1/customers?starting_after=cus_a&ending_before=cus_b');
    expect(await errorOf(both)).toMatchObject({ param: 'ending_before' });
  });
});

describe('fake Stripe search', () => {
  it('shows writes only after the indexing lag', async () => {
    let nowMs = Date.UTC(2026, 4, 1);
    const fake = createFakeStripe({ now: () => nowMs, searchIndexLagMs: 5000 });
    await call(fake, 'POST', '/v1/customers', { body: 'email=lag%40example.com&name=Before' });
    const search = async () =>
      (
        (await (
          await call(
            fake,
            'GET',
            `/v1/customers/search?query=${encodeURIComponent("email:'lag@example.com'")}`,
          )
        ).json()) as {
          data: Array<{ name: string }>;
        }
      ).data;

    expect(await search()).toEqual([]);
    nowMs += 5000;
    expect((await search()).map((customer) => customer.name)).toEqual(['Before']);

    const id = fake.state.customers[0]?.id as string;
    await call(fake, 'POST', `/v1/customers/${id}`, { body: 'name=After' });
    expect((await search()).map((customer) => customer.name)).toEqual(['Before']);
    nowMs += 5000;
    expect((await search()).map((customer) => customer.name)).toEqual(['After']);
  });

  it('answers 400 for queries it cannot parse', async () => {
    const fake = createFakeStripe();
    for (const query of ["email:'a' AND name:'b' OR name:'c'", 'email=a', "unknown_field:'x'", '']) {
      const response = await call(fake, 'GET', `/v1/customers/search?query=${encodeURIComponent(query)}`);
      expect(response.status, query).toBe(400);
      expect((await errorOf(response)).param, query).toBe('query');
    }
  });
});

describe('fake Stripe faults', () => {
  it('draws the same random faults for the same seed', async () => {
    const run = async (seed: number) => {
      const fake = createFakeStripe({ seed: 1 });
      fake.faults.random({ seed, rateLimit: 0.2, lockTimeout: 0.1, serverError: 0.2 });
      const statuses: number[] = [];
      for (let index = 0; index < 30; index += 1)
        statuses.push((await call(fake, 'GET', '/v1/customers')).status);
      return statuses;
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 500]));
    expect(await run(7)).not.toEqual(first);
  });

  it('limits faults to matching requests and logs what it applied', async () => {
    const fake = createFakeStripe();
    fake.faults.inject(
      { kind: 'server-error', status: 503 },
      { times: 2, match: { method: 'POST', path: /^\/v1\/invoices/ } },
    );
    expect((await call(fake, 'GET', '/v1/invoices')).status).toBe(200);
    expect((await call(fake, 'POST', '/v1/invoices', { body: 'customer=cus_x' })).status).toBe(503);
    expect((await call(fake, 'POST', '/v1/invoices', { body: 'customer=cus_x' })).status).toBe(503);
    expect((await call(fake, 'POST', '/v1/invoices', { body: 'customer=cus_x' })).status).toBe(404);
    expect(fake.faults.applied.map((applied) => [applied.fault.kind, applied.path])).toEqual([
      ['server-error', '/v1/invoices'],
      ['server-error', '/v1/invoices'],
    ]);
  });

  it('answers a reset as a network error through fetch', async () => {
    const fake = createFakeStripe();
    fake.faults.inject({ kind: 'reset' });
    const response = await call(fake, 'GET', '/v1/customers');
    expect(response.type).toBe('error');
    expect(fake.requests[0]?.status).toBeUndefined();
  });
});
