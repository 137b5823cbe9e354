import { createServer } from 'node:http';
import { RedisDedupStore } from '@patchbay/redis';
import { createStripeVerifier, createWebhookReceiver, defineWebhookHandler } from '@patchbay/webhooks';
import { z } from 'zod';

// Run as many replicas as you like: each event id is handled by one of them, and an event whose
// handler failed is released so the sender's retry is handled.
const receiver = createWebhookReceiver({
  verifier: createStripeVerifier({ secrets: [process.env.STRIPE_WEBHOOK_SECRET ?? ''] }),
  dedupe: { store: new RedisDedupStore({ redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }) },
  handlers: {
    'invoice.paid': defineWebhookHandler(z.object({ id: z.string() }), async (event) => {
      process.stdout.write(`paid: ${event.id}\n`);
    }),
  },
});

createServer(receiver.node()).listen(3000);
