import { createServer } from 'node:http';
import { stripeEventHandlers } from '@patchbay/stripe';
import { createStripeVerifier, createWebhookReceiver } from '@patchbay/webhooks';

const receiver = createWebhookReceiver({
  // The endpoint's signing secret (whsec_...), not the API key.
  verifier: createStripeVerifier({ secrets: [process.env.STRIPE_WEBHOOK_SECRET ?? ''] }),
  handlers: stripeEventHandlers({
    'invoice.paid': async (event) => {
      await markOrderPaid(event.data.object.metadata?.order_id, event.data.object.amount_paid);
    },
    'invoice.payment_failed': async (event) => {
      await notifyBilling(event.data.object.id, event.data.object.attempt_count ?? 0);
    },
    'payment_intent.payment_failed': async (event) => {
      await notifyBilling(
        event.data.object.id,
        1,
        event.data.object.last_payment_error?.decline_code ?? undefined,
      );
    },
  }),
});

// Mount on the raw body: no JSON parser may run before the receiver, or the signature fails.
export const server = createServer(receiver.node());

async function markOrderPaid(orderId: string | undefined, amountPaid: number): Promise<void> {
  process.stdout.write(`order ${orderId ?? 'unknown'} paid ${amountPaid}\n`);
}

async function notifyBilling(objectId: string, attempts: number, declineCode?: string): Promise<void> {
  process.stdout.write(
    `payment failed on ${objectId} (attempt ${attempts}, ${declineCode ?? 'no decline code'})\n`,
  );
}
