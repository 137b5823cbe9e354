import { MemoryLimiterStore } from '@patchbay/core';
import { createStripeClient } from '@patchbay/stripe';

// One store shared by every client of this process keeps them inside one account's budget.
const limiterStore = new MemoryLimiterStore();

// A platform acting for a connected account: every request carries Stripe-Account.
export function clientForAccount(accountId: string) {
  const stripe = createStripeClient({
    apiKey: process.env.STRIPE_SECRET_KEY ?? '',
    apiVersion: '2026-07-29.dahlia',
    stripeAccount: accountId,
    limiterStore,
    limits: { search: { limit: 5, windowMs: 1000 } },
    retry: { maxRetries: 4 },
    timeout: { attemptMs: 20_000, totalMs: 60_000 },
  });
  stripe.events.on('retry', (event) => {
    process.stdout.write(
      `retry ${event.attempt} of ${event.operation ?? event.url} after ${event.reason} in ${event.delayMs} ms\n`,
    );
  });
  return stripe;
}
