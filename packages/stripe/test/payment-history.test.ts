import type { Transport } from '@patchbay/core';
import { describe, expect, it } from 'vitest';
import {
  CustomerMismatchError,
  createStripeClient,
  StripeArgumentError,
  testPaymentMethods,
} from '../src/index.js';
import { createFakeStripe } from '../src/testing/index.js';
import { apiVersion, fakeAndClient, testKey } from './fake-client.js';

describe('paymentHistory', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty string', ''],
    ['blank string', '   '],
    ['"undefined"', 'undefined'],
    ['"null"', 'null'],
    ['an id of another object', 'pi_123'],
  ])('rejects %s with zero requests', async (_label, customerId) => {
    const { fake, stripe } = fakeAndClient();
    const error = await stripe.paymentHistory(customerId as string).catch((caught: unknown) => caught);
    expect(StripeArgumentError.isInstance(error)).toBe(true);
    expect((error as StripeArgumentError).argument).toBe('customerId');
    expect(fake.requests).toHaveLength(0);
  });

  it('lists payments, invoices and refunds newest first', async () => {
    let nowMs = Date.UTC(2026, 0, 1);
    const { fake, stripe } = fakeAndClient({ now: () => nowMs });
    const customer = await stripe.customers.create({ email: 'history@example.com' });
    const other = await stripe.customers.create({ email: 'other@example.com' });

    nowMs += 60_000;
    const paid = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      customer: customer.id,
      payment_method: testPaymentMethods.visa,
      confirm: true,
    });
    await stripe.paymentIntents.create({
      amount: 999,
      currency: 'usd',
      customer: other.id,
      payment_method: testPaymentMethods.visa,
      confirm: true,
    });
    nowMs += 60_000;
    const sent = await stripe.createAndSendInvoice({
      customer: customer.id,
      currency: 'usd',
      lines: [{ description: 'Setup', amount: 2500 }],
    });
    nowMs += 60_000;
    const refund = await stripe.refunds.create({ payment_intent: paid.id, amount: 1500 });

    const history = await stripe.paymentHistory(customer.id);

    expect(history.map((entry) => [entry.kind, entry.id, entry.amount, entry.status])).toEqual([
      ['refund', refund.id, 1500, 'succeeded'],
      ['invoice', sent.invoice.id, 2500, 'open'],
      ['payment_intent', paid.id, 5000, 'succeeded'],
    ]);
    expect(history[0]?.created).toBeGreaterThan(history[1]?.created ?? 0);
    const queries = fake.requests
      .filter((request) => request.method === 'GET')
      .map((request) => `${request.path}?${request.query}`);
    expect(queries).toEqual([
      `/v1/payment_intents?customer=${customer.id}&limit=100`,
      `/v1/invoices?customer=${customer.id}&limit=100`,
      `/v1/refunds?payment_intent=${paid.id}&limit=100`,
    ]);
  });

  it('fails when a returned row belongs to another customer', async () => {
    const fake = createFakeStripe({ seed: 3 });
    // A transport that rewrites the owner of listed payment intents, as a broken filter would.
    const tampering: Transport = {
      name: 'tampering',
      async send(request) {
        const response = await fake.transport.send(request);
        if (!request.url.includes('/v1/payment_intents?')) return response;
        const text = (await response.text()).replaceAll(
          /"customer": "cus_\w+"/g,
          '"customer": "cus_SomeoneElse"',
        );
        return { ...response, text: async () => text };
      },
    };
    const stripe = createStripeClient({ apiKey: testKey, apiVersion, transport: tampering, limits: false });
    const customer = await stripe.customers.create({ email: 'mine@example.com' });
    await stripe.paymentIntents.create({ amount: 700, currency: 'eur', customer: customer.id });

    const error = (await stripe
      .paymentHistory(customer.id)
      .catch((caught: unknown) => caught)) as CustomerMismatchError;
    expect(CustomerMismatchError.isInstance(error)).toBe(true);
    expect(error.expected).toBe(customer.id);
    expect(error.actual).toBe('cus_SomeoneElse');
    expect(error.objectId).toBe(fake.state.paymentIntents[0]?.id);
    expect(error.message).toContain('withheld');
  });
});
