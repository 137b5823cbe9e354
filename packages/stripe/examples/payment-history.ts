import { createStripeClient, fromMinorUnits } from '@patchbay/stripe';

const stripe = createStripeClient({
  apiKey: process.env.STRIPE_RESTRICTED_KEY ?? '',
  apiVersion: '2026-07-29.dahlia',
});

// A restricted key with read access to payment intents, invoices and refunds is enough here.
export async function statement(customerId: string): Promise<string[]> {
  const history = await stripe.paymentHistory(customerId);
  return history.map((entry) => {
    const day = new Date(entry.created * 1000).toISOString().slice(0, 10);
    const sign = entry.kind === 'refund' ? '-' : '';
    return `${day} ${entry.kind} ${entry.id} ${sign}${fromMinorUnits(entry.amount, entry.currency)} ${entry.currency.toUpperCase()} (${entry.status})`;
  });
}
