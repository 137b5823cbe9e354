// A webhook endpoint replica: verifies Stripe signatures, deduplicates through Redis and records
// each handled event in a Redis list. Prints its port, then serves until killed.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStripeVerifier, createWebhookReceiver, defineWebhookHandler } from '@patchbay/webhooks';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { RedisDedupStore } from '../../src/index.js';
import { env } from './env.js';

const redis = new Redis(env('REDIS_URL'));
const receiver = createWebhookReceiver({
  verifier: createStripeVerifier({ secrets: [env('SECRET')] }),
  dedupe: { store: new RedisDedupStore({ redis, keyPrefix: env('PREFIX') }) },
  handlers: {
    'invoice.paid': defineWebhookHandler(z.object({ id: z.string() }), async (event) => {
      // Slow enough that concurrent deliveries overlap with the claim.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await redis.rpush(`${env('PREFIX')}handled`, `${event.id}@${process.pid}`);
    }),
  },
});

const server = createServer(receiver.node());
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  redis.disconnect();
  process.exit(0);
});
