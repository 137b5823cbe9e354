import { describe, expect, it } from 'vitest';
import { createStripeClient } from '../src/index.js';
import { apiVersion, fakeAndClient, testKey } from './fake-client.js';

function variants(index: number): string[] {
  const base = `buyer${index}@example.com`;
  return [
    base,
    base.toUpperCase(),
    ` ${base}`,
    `Buyer${index}@Example.com `,
    `\t${base.replace('example', 'EXAMPLE')}`,
  ];
}

describe('findOrCreateCustomer', () => {
  it('creates exactly 50 customers for 500 concurrent calls on 50 emails', async () => {
    const { fake, stripe } = fakeAndClient();
    const calls = Array.from({ length: 500 }, (_, call) => {
      const email = variants(call % 50)[Math.floor(call / 50) % 5] as string;
      return stripe.findOrCreateCustomer({ email }).then((result) => ({ call, result }));
    });
    const results = await Promise.all(calls);

    expect(fake.state.customers).toHaveLength(50);
    const idByEmail = new Map<string, string>();
    for (const { call, result } of results) {
      const email = `buyer${call % 50}@example.com`;
      expect(result.customer.email).toBe(email);
      const known = idByEmail.get(email);
      if (known) expect(result.customer.id).toBe(known);
      else idByEmail.set(email, result.customer.id);
    }
    expect(idByEmail.size).toBe(50);
    expect(new Set(fake.state.customers.map((customer) => customer.email)).size).toBe(50);
  });

  it('shares one create across processes through the derived idempotency key', async () => {
    const { fake } = fakeAndClient();
    // Five clients stand for five processes: their in-process single-flight maps are separate.
    const processes = Array.from({ length: 5 }, () =>
      createStripeClient({
        apiKey: testKey,
        apiVersion,
        transport: fake.transport,
        limits: false,
        retry: { maxRetries: 20, initialDelayMs: 2, maxDelayMs: 10 },
      }),
    );
    // Slow creates keep each key in use, so concurrent creators get 409 and retry.
    fake.faults.inject(
      { kind: 'slow', delayMs: 10 },
      { times: 20, match: { method: 'POST', path: '/v1/customers' } },
    );

    const results = await Promise.all(
      processes.flatMap((stripe, process) =>
        Array.from({ length: 20 }, (_, index) =>
          stripe.findOrCreateCustomer({ email: variants(index % 10)[process] as string }),
        ),
      ),
    );

    expect(fake.state.customers).toHaveLength(10);
    expect(results.filter((result) => result.created).length).toBeGreaterThanOrEqual(10);
    const creates = fake.requests.filter(
      (request) => request.method === 'POST' && request.path === '/v1/customers',
    );
    expect(creates.some((request) => request.status === 409)).toBe(true);
    for (const request of creates) {
      const email = request.params.email as string;
      expect(request.body).toBe(`email=${encodeURIComponent(email)}`);
      const sameEmail = creates.filter((other) => other.params.email === email);
      expect(new Set(sameEmail.map((other) => other.headers['idempotency-key'])).size).toBe(1);
    }
  });

  it('finds a customer stored with other capitalization through search', async () => {
    const { fake, stripe } = fakeAndClient();
    const existing = await stripe.customers.create({ email: 'Ann.Lee@Example.com' });
    const found = await stripe.findOrCreateCustomer({ email: 'ann.lee@example.com' });

    expect(found.created).toBe(false);
    expect(found.customer.id).toBe(existing.id);
    expect(fake.state.customers).toHaveLength(1);
    const lookups = fake.requests
      .filter((request) => request.method === 'GET')
      .map((request) => request.path);
    expect(lookups).toEqual(['/v1/customers', '/v1/customers/search']);
  });

  it('tries the given form as well as the normalized one on the exact list filter', async () => {
    const { fake, stripe } = fakeAndClient({ searchIndexLagMs: 60_000 });
    const existing = await stripe.customers.create({ email: 'Mixed@Example.com' });
    const found = await stripe.findOrCreateCustomer({ email: ' Mixed@Example.com ' });

    expect(found.customer.id).toBe(existing.id);
    const emails = fake.requests
      .filter((request) => request.path === '/v1/customers' && request.method === 'GET')
      .map((request) => request.params.email);
    expect(emails).toEqual(['mixed@example.com', 'Mixed@Example.com']);
  });

  it('does not rely on search, which lags writes', async () => {
    const { fake, stripe } = fakeAndClient({ searchIndexLagMs: 60_000 });
    const first = await stripe.findOrCreateCustomer({ email: 'lag@example.com' });
    const second = await stripe.findOrCreateCustomer({ email: 'lag@example.com' });

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.customer.id).toBe(first.customer.id);
    expect(fake.state.customers).toHaveLength(1);
  });

  it('picks the oldest of several matches and reports the others', async () => {
    const { stripe } = fakeAndClient();
    const oldest = await stripe.customers.create({ email: 'dup@example.com' });
    const newer = await stripe.customers.create({ email: 'dup@example.com' });
    const result = await stripe.findOrCreateCustomer({ email: 'dup@example.com' });
    expect(result.customer.id).toBe(oldest.id);
    expect(result.duplicateIds).toEqual([newer.id]);
  });

  it('sets name and metadata on the found or created customer', async () => {
    const { fake, stripe } = fakeAndClient();
    const created = await stripe.findOrCreateCustomer({
      email: 'named@example.com',
      name: 'Ann Lee',
      metadata: { crm_id: '77' },
    });
    expect(created.customer.name).toBe('Ann Lee');
    expect(created.customer.metadata).toEqual({ crm_id: '77' });

    const again = await stripe.findOrCreateCustomer({
      email: 'named@example.com',
      name: 'Ann Lee',
      metadata: { crm_id: '77' },
    });
    expect(again.customer.id).toBe(created.customer.id);
    const updates = fake.requests.filter(
      (request) => request.method === 'POST' && request.path === `/v1/customers/${created.customer.id}`,
    );
    expect(updates).toHaveLength(1);
  });

  it('rejects an email that is not an address before any request', async () => {
    const { fake, stripe } = fakeAndClient();
    await expect(stripe.findOrCreateCustomer({ email: '  ' })).rejects.toThrow(
      'email must be an email address',
    );
    await expect(stripe.findOrCreateCustomer({ email: 'two words@example.com' })).rejects.toThrow(
      'received "two words@example.com"',
    );
    expect(fake.requests).toHaveLength(0);
  });
});
