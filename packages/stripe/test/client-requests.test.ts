import { ConfigurationError, ParseError, type Transport } from '@patchbay/core';
import { describe, expect, it } from 'vitest';
import { createStripeClient, StripeArgumentError, toMinorUnits } from '../src/index.js';
import { createFakeStripe } from '../src/testing/index.js';
import { apiVersion, fakeAndClient, testKey } from './fake-client.js';

function recording(inner: Transport) {
  const sent: Array<{ method: string; url: string; headers: Record<string, string> }> = [];
  const transport: Transport = {
    name: 'recording',
    send(request) {
      sent.push({ method: request.method, url: request.url, headers: { ...request.headers } });
      return inner.send(request);
    },
  };
  return { transport, sent };
}

describe('request shape', () => {
  it('sends the key, the pinned version and the account on every request', async () => {
    const fake = createFakeStripe({ seed: 21 });
    const { transport, sent } = recording(fake.transport);
    const stripe = createStripeClient({
      apiKey: testKey,
      apiVersion,
      stripeAccount: 'acct_connected1',
      transport,
      limits: false,
    });

    const customer = await stripe.customers.create({ email: 'connect@example.com' });
    await stripe.customers.retrieve(customer.id);
    await stripe.customers.retrieve(customer.id, { stripeAccount: 'acct_other2' }).catch(() => undefined);

    expect(sent).toHaveLength(3);
    for (const request of sent) {
      expect(request.headers.authorization).toBe(`Bearer ${testKey}`);
      expect(request.headers['stripe-version']).toBe(apiVersion);
    }
    expect(sent.map((request) => request.headers['stripe-account'])).toEqual([
      'acct_connected1',
      'acct_connected1',
      'acct_other2',
    ]);
    expect(sent[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(fake.stateOf('acct_connected1').customers).toHaveLength(1);
    expect(fake.state.customers).toHaveLength(0);
    expect(fake.requests[2]?.status).toBe(404);
  });

  it('sends expand in the query for GET and in the body for POST', async () => {
    const { fake, stripe } = fakeAndClient();
    const customer = await stripe.customers.create({ email: 'expand@example.com' });
    const intent = await stripe.paymentIntents.create(
      { amount: 500, currency: 'usd', customer: customer.id },
      { expand: ['customer'] },
    );
    const fetched = await stripe.paymentIntents.retrieve(intent.id, { expand: ['customer'] });

    expect(fake.requests[1]?.body).toContain('expand[]=customer');
    expect(fake.requests[2]?.query).toBe('expand[]=customer');
    expect(fetched.customer).toMatchObject({ id: customer.id, object: 'customer' });
  });

  it('rejects bad client options with the option name', () => {
    const error = (() => {
      try {
        createStripeClient({ apiKey: testKey, apiVersion, stripeAccount: 'cus_123' });
      } catch (caught) {
        return caught as ConfigurationError;
      }
      return undefined;
    })();
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error?.option).toBe('stripeAccount');
    expect(() => createStripeClient({ apiKey: testKey } as never)).toThrow('apiVersion is required');
  });

  it('checks ids and amounts before sending', async () => {
    const { fake, stripe } = fakeAndClient();
    await expect(stripe.customers.retrieve('')).rejects.toThrow('id must be a Stripe id starting with cus_');
    await expect(stripe.customers.retrieve('cus_1/../../v1/charges')).rejects.toThrow(
      'must not contain whitespace, "/"',
    );
    await expect(stripe.paymentIntents.retrieve('cus_123')).rejects.toThrow('must start with pi_');
    await expect(stripe.paymentIntents.create({ amount: 10.5, currency: 'usd' })).rejects.toThrow(
      'positive whole number',
    );
    await expect(stripe.paymentIntents.create({ amount: 0, currency: 'usd' })).rejects.toThrow(
      'positive whole number',
    );
    await expect(stripe.paymentIntents.create({ amount: 5124, currency: 'kwd' })).rejects.toThrow(
      'round to 5120 or 5130',
    );
    await expect(
      stripe.paymentIntents.create({ amount: 100, currency: 'usd', customer: 'undefined' }),
    ).rejects.toBeInstanceOf(StripeArgumentError);
    expect(fake.requests).toHaveLength(0);
  });

  it('charges zero-decimal currencies in whole units', async () => {
    const { fake, stripe } = fakeAndClient();
    const intent = await stripe.paymentIntents.create({
      amount: toMinorUnits('1500', 'JPY'),
      currency: 'JPY',
    });
    expect(intent.amount).toBe(1500);
    expect(intent.currency).toBe('jpy');
    expect(fake.requests[0]?.body).toBe('amount=1500&currency=jpy');
  });

  it('returns the client secret for the front end', async () => {
    const { stripe } = fakeAndClient();
    const intent = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      automatic_payment_methods: { enabled: true },
    });
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
    expect(intent.status).toBe('requires_payment_method');
  });
});

describe('customer retrieve', () => {
  it('returns the full customer while it exists and the deleted stub after', async () => {
    const { stripe } = fakeAndClient();
    const customer = await stripe.customers.create({ email: 'gone@example.com', name: 'Gone Soon' });

    const live = await stripe.customers.retrieve(customer.id);
    await stripe.customers.del(customer.id);
    const after = await stripe.customers.retrieve(customer.id);

    expect(live).toMatchObject({ id: customer.id, email: 'gone@example.com', name: 'Gone Soon' });
    expect(after).toEqual({ id: customer.id, object: 'customer', deleted: true });
  });

  it('rejects malformed deleted and live customers', async () => {
    const bodies = [
      { object: 'customer', deleted: true },
      { id: 'cus_Broken1', object: 'customer', email: 7 },
    ];
    const transport: Transport = {
      name: 'canned',
      send: async () => {
        const text = JSON.stringify(bodies.shift());
        return {
          status: 200,
          headers: { 'content-type': 'application/json' },
          text: async () => text,
          discard: async () => undefined,
        };
      },
    };
    const stripe = createStripeClient({ apiKey: testKey, apiVersion, transport, limits: false });

    const deletedError = await stripe.customers.retrieve('cus_Broken1').catch((error: ParseError) => error);
    const liveError = await stripe.customers.retrieve('cus_Broken1').catch((error: ParseError) => error);

    expect(ParseError.isInstance(deletedError)).toBe(true);
    expect((deletedError as ParseError).message).toContain('id:');
    expect(ParseError.isInstance(liveError)).toBe(true);
    expect((liveError as ParseError).message).toContain('email:');
  });
});

describe('pagination', () => {
  it('walks list pages with starting_after and keeps every parameter', async () => {
    const { fake, stripe } = fakeAndClient();
    const created = [];
    for (let index = 0; index < 5; index += 1)
      created.push(await stripe.customers.create({ email: 'page@example.com' }));
    await stripe.customers.create({ email: 'other@example.com' });

    const listed = await stripe.customers.list({ email: 'page@example.com', limit: 2 }).toArray();

    expect(listed.map((customer) => customer.id)).toEqual(created.map((customer) => customer.id).reverse());
    const queries = fake.requests
      .filter((request) => request.method === 'GET')
      .map((request) => request.query);
    expect(queries).toEqual([
      'email=page%40example.com&limit=2',
      `email=page%40example.com&limit=2&starting_after=${created[3]?.id}`,
      `email=page%40example.com&limit=2&starting_after=${created[1]?.id}`,
    ]);
  });

  it('walks backwards with ending_before', async () => {
    const { stripe } = fakeAndClient();
    const created = [];
    for (let index = 0; index < 5; index += 1)
      created.push(await stripe.customers.create({ email: `back${index}@example.com` }));

    const pages = [];
    for await (const page of stripe.customers
      .list({ ending_before: created[0]?.id as string, limit: 2 })
      .pages()) {
      pages.push(page.data.map((customer) => customer.email));
    }
    expect(pages).toEqual([
      ['back2@example.com', 'back1@example.com'],
      ['back4@example.com', 'back3@example.com'],
    ]);
  });

  it('walks search pages with next_page and keeps the query', async () => {
    const { fake, stripe } = fakeAndClient();
    for (let index = 0; index < 3; index += 1)
      await stripe.customers.create({ email: `s${index}@example.com`, metadata: { plan: 'pro' } });
    await stripe.customers.create({ email: 'free@example.com', metadata: { plan: 'free' } });

    const found = await stripe.customers.search({ query: "metadata['plan']:'pro'", limit: 2 }).toArray();

    expect(found.map((customer) => customer.email).sort()).toEqual([
      's0@example.com',
      's1@example.com',
      's2@example.com',
    ]);
    const searches = fake.requests.filter((request) => request.path === '/v1/customers/search');
    expect(searches).toHaveLength(2);
    expect(searches[1]?.params).toMatchObject({ query: "metadata['plan']:'pro'", limit: '2' });
    expect(searches[1]?.params.page).toMatch(/^page_/);
  });
});
