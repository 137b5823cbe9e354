import { createStripeClient, toMinorUnits } from '@patchbay/stripe';

export const stripe = createStripeClient({
  apiKey: process.env.STRIPE_SECRET_KEY ?? '',
  apiVersion: '2026-07-29.dahlia',
});

// Find the customer by email (or create exactly one), then start a payment the browser completes
// with Stripe.js: only the client secret leaves the server.
export async function startCheckout(order: { id: string; email: string; total: string; currency: string }) {
  const { customer } = await stripe.findOrCreateCustomer({ email: order.email });
  const intent = await stripe.paymentIntents.create(
    {
      amount: toMinorUnits(order.total, order.currency),
      currency: order.currency,
      customer: customer.id,
      automatic_payment_methods: { enabled: true },
      metadata: { order_id: order.id },
    },
    { idempotencyKey: `order-${order.id}-payment-intent` },
  );
  return { clientSecret: intent.client_secret };
}
