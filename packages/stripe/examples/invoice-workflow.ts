import { createStripeClient, StripeArgumentError } from '@patchbay/stripe';

const stripe = createStripeClient({
  apiKey: process.env.STRIPE_SECRET_KEY ?? '',
  apiVersion: '2026-07-29.dahlia',
});

// Safe to run again after a crash: the key ties every step to this order, so a re-run replays
// the steps that already happened instead of sending a second invoice.
export async function invoiceOrder(order: {
  id: string;
  email: string;
  lines: Array<{ text: string; cents: number }>;
}) {
  try {
    const { customer } = await stripe.findOrCreateCustomer({ email: order.email });
    const { invoice } = await stripe.createAndSendInvoice({
      customer: customer.id,
      currency: 'usd',
      lines: order.lines.map((line) => ({ description: line.text, amount: line.cents })),
      daysUntilDue: 14,
      metadata: { order_id: order.id },
      idempotencyKey: `order-${order.id}-invoice`,
    });
    return { invoiceId: invoice.id, payUrl: invoice.hosted_invoice_url };
  } catch (error) {
    // Bad input never reaches Stripe; the error names the argument to fix.
    if (StripeArgumentError.isInstance(error))
      throw new Error(`Order ${order.id}: fix ${error.argument}`, { cause: error });
    throw error;
  }
}
