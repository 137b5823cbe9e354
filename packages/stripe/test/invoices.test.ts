import { describe, expect, it } from 'vitest';
import {
  StripeArgumentError,
  StripeCardError,
  StripeInvalidRequestError,
  testPaymentMethods,
} from '../src/index.js';
import { fakeAndClient } from './fake-client.js';

async function customerWithCard(stripe: ReturnType<typeof fakeAndClient>['stripe'], card: string) {
  const customer = await stripe.customers.create({ email: 'billing@example.com' });
  const method = await stripe.paymentMethods.attach(card, { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: method.id } });
  return customer;
}

describe('invoice status machine', () => {
  it('moves draft → open → paid with the customer default payment method', async () => {
    const { fake, stripe } = fakeAndClient();
    const customer = await customerWithCard(stripe, testPaymentMethods.visa);
    const draft = await stripe.invoices.create({ customer: customer.id, currency: 'usd' });
    expect(draft.status).toBe('draft');
    expect(draft.number).toBeNull();

    await stripe.invoices.addItem({
      customer: customer.id,
      invoice: draft.id,
      amount: 1200,
      currency: 'usd',
      description: 'Seats',
    });
    const open = await stripe.invoices.finalize(draft.id);
    expect(open.status).toBe('open');
    expect(open.amount_due).toBe(1200);
    expect(open.number).toMatch(/-0001$/);

    const paid = await stripe.invoices.pay(open.id);
    expect(paid.status).toBe('paid');
    expect(paid.amount_paid).toBe(1200);
    expect(paid.amount_remaining).toBe(0);
    expect(paid.status_transitions?.paid_at).toBeTypeOf('number');
    expect(
      fake.state.events.map((event) => event.type).filter((type) => type.startsWith('invoice.')),
    ).toEqual(['invoice.created', 'invoice.finalized', 'invoice.paid', 'invoice.payment_succeeded']);
    expect(fake.state.paymentIntents[0]?.status).toBe('succeeded');
  });

  it('keeps a declined invoice open and emits invoice.payment_failed', async () => {
    const { fake, stripe } = fakeAndClient();
    const customer = await customerWithCard(stripe, testPaymentMethods.insufficientFunds);
    const draft = await stripe.invoices.create({ customer: customer.id, currency: 'usd' });
    await stripe.invoices.addItem({ customer: customer.id, invoice: draft.id, amount: 900, currency: 'usd' });
    await stripe.invoices.finalize(draft.id);

    const error = (await stripe.invoices.pay(draft.id).catch((caught: unknown) => caught)) as StripeCardError;
    expect(StripeCardError.isInstance(error)).toBe(true);
    expect(error.declineCode).toBe('insufficient_funds');
    const invoice = await stripe.invoices.retrieve(draft.id);
    expect(invoice.status).toBe('open');
    expect(invoice.attempt_count).toBe(1);
    expect(fake.state.events.some((event) => event.type === 'invoice.payment_failed')).toBe(true);

    const paid = await stripe.invoices.pay(draft.id, { payment_method: testPaymentMethods.visa });
    expect(paid.status).toBe('paid');
  });

  it('voids an open invoice and marks another uncollectible, then pays it', async () => {
    const { stripe } = fakeAndClient();
    const customer = await stripe.customers.create({ email: 'void@example.com' });
    const make = async () => {
      const draft = await stripe.invoices.create({
        customer: customer.id,
        currency: 'usd',
        collection_method: 'send_invoice',
        days_until_due: 7,
      });
      await stripe.invoices.addItem({
        customer: customer.id,
        invoice: draft.id,
        amount: 500,
        currency: 'usd',
      });
      return stripe.invoices.finalize(draft.id);
    };
    const first = await make();
    expect((await stripe.invoices.void(first.id)).status).toBe('void');

    const second = await make();
    expect((await stripe.invoices.markUncollectible(second.id)).status).toBe('uncollectible');
    expect((await stripe.invoices.pay(second.id, { paid_out_of_band: true })).status).toBe('paid');
  });

  it('rejects transitions the status does not allow', async () => {
    const { stripe } = fakeAndClient();
    const customer = await stripe.customers.create({ email: 'strict@example.com' });
    const draft = await stripe.invoices.create({ customer: customer.id, currency: 'usd' });

    for (const attempt of [
      () => stripe.invoices.pay(draft.id),
      () => stripe.invoices.void(draft.id),
      () => stripe.invoices.send(draft.id),
    ]) {
      const error = (await attempt().catch((caught: unknown) => caught)) as StripeInvalidRequestError;
      expect(StripeInvalidRequestError.isInstance(error)).toBe(true);
      expect(error.code).toBe('invoice_unexpected_state');
      expect(error.attempts).toBe(1);
    }
    await stripe.invoices.finalize(draft.id);
    const refinalize = (await stripe.invoices
      .finalize(draft.id)
      .catch((caught: unknown) => caught)) as StripeInvalidRequestError;
    expect(refinalize.code).toBe('invoice_unexpected_state');
    const lateItem = (await stripe.invoices
      .addItem({ customer: customer.id, invoice: draft.id, amount: 100, currency: 'usd' })
      .catch((caught: unknown) => caught)) as StripeInvalidRequestError;
    expect(lateItem.code).toBe('invoice_not_editable');
    await expect(stripe.invoices.deleteDraft(draft.id)).rejects.toMatchObject({
      code: 'invoice_not_editable',
    });
  });

  it('attaches pending items to the next invoice only when asked', async () => {
    const { stripe } = fakeAndClient();
    const customer = await stripe.customers.create({ email: 'pending@example.com' });
    await stripe.invoices.addItem({
      customer: customer.id,
      amount: 300,
      currency: 'usd',
      description: 'Pending',
    });

    const excluded = await stripe.invoices.create({ customer: customer.id });
    expect(excluded.total).toBe(0);
    const included = await stripe.invoices.create({
      customer: customer.id,
      pending_invoice_items_behavior: 'include',
    });
    expect(included.total).toBe(300);
    expect(included.lines?.data.map((line) => line.description)).toEqual(['Pending']);
  });
});

describe('createAndSendInvoice', () => {
  const input = (customer: string) => ({
    customer,
    currency: 'USD',
    lines: [
      { description: 'Consulting, March', amount: 120_000 },
      { description: 'Travel', amount: 8_550, metadata: { receipt: 'r-9' } },
    ],
    daysUntilDue: 14,
    metadata: { order: 'order-42' },
    idempotencyKey: 'order-42-invoice',
  });

  it('builds, finalizes and sends one invoice', async () => {
    const { fake, stripe } = fakeAndClient();
    const customer = await stripe.customers.create({ email: 'client@example.com' });
    const { invoice, items } = await stripe.createAndSendInvoice(input(customer.id));

    expect(invoice.status).toBe('open');
    expect(invoice.total).toBe(128_550);
    expect(invoice.collection_method).toBe('send_invoice');
    expect(invoice.hosted_invoice_url).toContain(invoice.id);
    expect(items.map((item) => item.amount)).toEqual([120_000, 8_550]);
    expect(fake.state.events.map((event) => event.type)).toContain('invoice.sent');
    const keys = fake.requests
      .filter((request) => request.method === 'POST')
      .map((request) => request.headers['idempotency-key']);
    expect(keys.slice(1)).toEqual([
      'order-42-invoice:invoice',
      'order-42-invoice:item:0',
      'order-42-invoice:item:1',
      'order-42-invoice:finalize',
      'order-42-invoice:send',
    ]);
  });

  it('creates nothing twice when the whole helper runs again with the same key', async () => {
    const { fake, stripe } = fakeAndClient();
    const customer = await stripe.customers.create({ email: 'rerun@example.com' });
    // The first run dies at the first item: it is written, but every response to it is lost.
    fake.faults.inject(
      { kind: 'reset', when: 'after-processing' },
      { times: 4, match: { path: '/v1/invoiceitems' } },
    );
    const crashed = await stripe.createAndSendInvoice(input(customer.id)).catch((caught: unknown) => caught);
    expect(crashed).toMatchObject({ name: 'NetworkError' });

    const { invoice } = await stripe.createAndSendInvoice(input(customer.id));
    const again = await stripe.createAndSendInvoice(input(customer.id));

    expect(again.invoice.id).toBe(invoice.id);
    expect(fake.state.invoices).toHaveLength(1);
    expect(fake.state.invoiceItems).toHaveLength(2);
    expect(invoice.total).toBe(128_550);
    expect(fake.state.events.filter((event) => event.type === 'invoice.sent')).toHaveLength(1);
  });

  it('checks the input before any request', async () => {
    const { fake, stripe } = fakeAndClient();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ lines: [] }, 'lines'],
      [{ lines: [{ description: 'x', amount: 10.5 }] }, 'lines[0].amount'],
      [{ lines: [{ description: ' ', amount: 100 }] }, 'lines[0].description'],
      [{ customer: '' }, 'customer'],
      [{ daysUntilDue: 0 }, 'daysUntilDue'],
      [{ currency: 'dollars' }, 'currency'],
    ];
    for (const [override, argument] of cases) {
      const error = await stripe
        .createAndSendInvoice({ ...input('cus_123'), ...override } as never)
        .catch((caught: unknown) => caught);
      expect(StripeArgumentError.isInstance(error), argument).toBe(true);
      expect((error as StripeArgumentError).argument).toBe(argument);
    }
    expect(fake.requests).toHaveLength(0);
  });
});
