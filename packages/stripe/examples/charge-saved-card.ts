import { HttpError } from '@patchbay/core';
import { createStripeClient, StripeCardError } from '@patchbay/stripe';

const stripe = createStripeClient({
  apiKey: process.env.STRIPE_SECRET_KEY ?? '',
  apiVersion: '2026-07-29.dahlia',
});

export type ChargeOutcome =
  | { status: 'paid'; paymentIntentId: string }
  | { status: 'needs_customer'; paymentIntentId: string | undefined; reason: string }
  | { status: 'try_later'; requestId: string | undefined };

// Charges a saved card while the customer is away, as a scheduled job does.
export async function chargeSavedCard(
  customerId: string,
  paymentMethodId: string,
  amount: number,
  jobId: string,
): Promise<ChargeOutcome> {
  try {
    const intent = await stripe.paymentIntents.create(
      {
        amount,
        currency: 'usd',
        customer: customerId,
        payment_method: paymentMethodId,
        confirm: true,
        off_session: true,
      },
      { idempotencyKey: `job-${jobId}-charge` },
    );
    return { status: 'paid', paymentIntentId: intent.id };
  } catch (error) {
    // Declines are never retried: the same card is declined again.
    if (StripeCardError.isInstance(error)) {
      return {
        status: 'needs_customer',
        paymentIntentId: error.paymentIntentId,
        reason: error.declineCode ?? error.code ?? 'declined',
      };
    }
    // Retries are exhausted for 5xx, 429 and network failures; the key makes a later run safe.
    if (HttpError.isInstance(error) && error.retryable)
      return { status: 'try_later', requestId: error.requestId };
    throw error;
  }
}
