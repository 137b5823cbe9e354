import { RedisDeliveryStore } from '@patchbay/redis';
import { createWebhookSender } from '@patchbay/webhooks';

// Pending deliveries live in Redis: a restarted process, or any other sender process, picks them
// up with start() or runDue().
const sender = createWebhookSender({
  secret: process.env.OUTGOING_WEBHOOK_SECRET ?? '',
  store: new RedisDeliveryStore({ redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }),
});

export async function notifyInvoicePaid(url: string, invoiceId: string) {
  await sender.send(url, { type: 'invoice.paid', invoiceId }, { type: 'invoice.paid' });
}

sender.start();
