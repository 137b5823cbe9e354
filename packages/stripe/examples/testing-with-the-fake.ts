import assert from 'node:assert/strict';
import { createStripeClient, StripeCardError, testPaymentMethods } from '@patchbay/stripe';
import { createFakeStripe } from '@patchbay/stripe/testing';

// Runs the billing code against the fake: no network, real Stripe rules.
export async function declinedInvoiceStaysOpen(): Promise<void> {
  const fake = createFakeStripe({ seed: 1 });
  const stripe = createStripeClient({
    apiKey: 'sk_test_fake',
    apiVersion: '2026-07-29.dahlia',
    transport: fake.transport,
    limits: false,
  });

  const { customer } = await stripe.findOrCreateCustomer({ email: 'ann@example.com' });
  const card = await stripe.paymentMethods.attach(testPaymentMethods.insufficientFunds, {
    customer: customer.id,
  });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } });
  const draft = await stripe.invoices.create({ customer: customer.id, currency: 'usd' });
  await stripe.invoices.addItem({ customer: customer.id, invoice: draft.id, amount: 5000, currency: 'usd' });
  await stripe.invoices.finalize(draft.id);

  // One 503 first: the client retries it with the same idempotency key.
  fake.faults.inject(
    { kind: 'server-error', status: 503 },
    { match: { path: `/v1/invoices/${draft.id}/pay` } },
  );
  const error = await stripe.invoices.pay(draft.id).catch((caught: unknown) => caught);

  assert.ok(StripeCardError.isInstance(error));
  assert.equal(error.declineCode, 'insufficient_funds');
  assert.equal((await stripe.invoices.retrieve(draft.id)).status, 'open');
  assert.ok(fake.state.events.some((event) => event.type === 'invoice.payment_failed'));
}
