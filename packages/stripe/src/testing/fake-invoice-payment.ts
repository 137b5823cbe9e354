import type { Invoice } from '../schemas/invoice.js';
import type { FakeContext, FakeRouteHandler } from './fake-context.js';
import { findInvoice, requireStatus } from './fake-invoice-helpers.js';
import { confirmIntent, newPaymentIntent } from './fake-payment-confirmation.js';
import { FakeStripeError, invalidParam } from './fake-stripe-error.js';

function paymentMethodFor(context: FakeContext, invoice: Invoice): string {
  const given = context.params.string('payment_method');
  const customer = context.account.customers.get(invoice.customer as string);
  const fallback =
    (invoice.default_payment_method as string | null | undefined) ??
    (customer?.invoice_settings?.default_payment_method as string | null | undefined);
  const method = given ?? fallback ?? undefined;
  if (method === undefined) {
    throw invalidParam(
      'payment_method',
      `Invoice ${invoice.id} has no payment method to charge; pass payment_method or set the customer's invoice_settings[default_payment_method].`,
      'parameter_missing',
    );
  }
  return method;
}

/**
 * Pays an open or uncollectible invoice: out of band, or off session with the given payment
 * method, the invoice's default or the customer's default. A decline keeps the invoice's status,
 * counts the attempt and emits `invoice.payment_failed`.
 */
export const pay: FakeRouteHandler = (context) => {
  const current = findInvoice(context, context.ids[0] as string);
  requireStatus(current, ['open', 'uncollectible'], 'pay');
  const now = context.nowSeconds();
  const paid = (paymentIntent: string | null): Invoice => ({
    ...structuredClone(current),
    status: 'paid',
    amount_paid: current.amount_due,
    amount_remaining: 0,
    attempted: true,
    attempt_count: (current.attempt_count ?? 0) + (paymentIntent ? 1 : 0),
    payment_intent: paymentIntent,
    status_transitions: { ...current.status_transitions, paid_at: now },
  });

  if (context.params.boolean('paid_out_of_band')) {
    const next = paid(null);
    context.save(context.account.invoices, next);
    context.emit('invoice.paid', next);
    return next;
  }

  const method = paymentMethodFor(context, current);
  const intent = newPaymentIntent(context, {
    amount: current.amount_due,
    currency: current.currency,
    customer: current.customer as string,
    description: `Payment for invoice ${current.number ?? current.id}`,
    metadata: {},
    paymentMethod: null,
  });
  try {
    // Invoice payments run without the customer present, so a card that needs 3DS declines.
    const confirmed = confirmIntent(context, intent, method, true);
    const next = paid(confirmed.id);
    context.save(context.account.invoices, next);
    context.emit('invoice.paid', next);
    context.emit('invoice.payment_succeeded', next);
    return next;
  } catch (error) {
    if (!(error instanceof FakeStripeError)) throw error;
    const failed: Invoice = {
      ...structuredClone(current),
      attempted: true,
      attempt_count: (current.attempt_count ?? 0) + 1,
      payment_intent: intent.id,
    };
    context.save(context.account.invoices, failed);
    context.emit('invoice.payment_failed', failed);
    throw error;
  }
};
