import { describe, expect, it } from 'vitest';
import { createStripeClient } from '../index.js';
import { createFakeStripe } from '../testing/index.js';
import { stripeRateLimits } from './rate-limit-presets.js';

describe('stripeRateLimits', () => {
  it('uses 100 reads and 100 writes per second in live mode', () => {
    expect(stripeRateLimits('live')).toEqual({
      read: { limit: 100, windowMs: 1000 },
      write: { limit: 100, windowMs: 1000 },
      search: { limit: 20, windowMs: 1000 },
    });
  });

  it('uses 25 reads and 25 writes per second in test mode', () => {
    expect(stripeRateLimits('test')).toEqual({
      read: { limit: 25, windowMs: 1000 },
      write: { limit: 25, windowMs: 1000 },
      search: { limit: 20, windowMs: 1000 },
    });
  });

  it('merges overrides per bucket', () => {
    const limits = stripeRateLimits('live', { write: { limit: 10, windowMs: 1000 } });
    expect(limits.write).toEqual({ limit: 10, windowMs: 1000 });
    expect(limits.read).toEqual({ limit: 100, windowMs: 1000 });
  });
});

describe('client limiter presets', () => {
  async function usage(apiKey: string, limits?: Parameters<typeof stripeRateLimits>[1]) {
    const fake = createFakeStripe({ seed: 5 });
    const stripe = createStripeClient({
      apiKey,
      apiVersion: '2026-07-29.dahlia',
      transport: fake.transport,
      limits,
    });
    const seen: Array<[string, number]> = [];
    stripe.events.on('limiter-usage', (event) => seen.push([event.bucket, event.limit]));
    const customer = await stripe.customers.create({ email: 'limits@example.com' });
    await stripe.customers.retrieve(customer.id);
    await stripe.customers.search({ query: "email:'limits@example.com'" }).toArray();
    return seen;
  }

  it('picks the preset from the key prefix and keeps separate buckets', async () => {
    expect(await usage('sk_live_limitskey')).toEqual([
      ['write', 100],
      ['read', 100],
      ['search', 20],
    ]);
    expect(await usage('rk_test_limitskey')).toEqual([
      ['write', 25],
      ['read', 25],
      ['search', 20],
    ]);
  });

  it('applies overrides', async () => {
    expect(await usage('sk_test_limitskey', { read: { limit: 3, windowMs: 1000 } })).toEqual([
      ['write', 25],
      ['read', 3],
      ['search', 20],
    ]);
  });
});
