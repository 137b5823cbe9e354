// Resident memory over a long run, in its own process (started with --expose-gc). `--kind client`
// sends requests through one Patchbay Stripe client with its limiter and breaker armed.
// `--kind receiver` hands distinct signed events to a webhook receiver with the default dedup
// store. Every `--every` operations the run waits for in-flight work, forces a full GC and
// samples RSS and heap.
import { createHmac } from 'node:crypto';
import { parseArgs } from 'node:util';
import { getHeapSpaceStatistics } from 'node:v8';
import { stripeCustomerId } from '../lib/payloads.mjs';
import { printResult } from '../lib/processes.mjs';
import { secrets } from '../lib/webhook-payloads.mjs';

const { values } = parseArgs({
  options: {
    kind: { type: 'string' },
    url: { type: 'string' },
    total: { type: 'string', default: '100000' },
    every: { type: 'string', default: '10000' },
    'in-flight': { type: 'string', default: '64' },
  },
});
if (typeof globalThis.gc !== 'function')
  throw new Error('globalThis.gc is missing: run this script with node --expose-gc.');
const total = Number(values.total);
const every = Number(values.every);
const inFlight = Number(values['in-flight']);

function sample(done, extra = {}) {
  globalThis.gc();
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size]),
  );
  return {
    operations: done,
    rssBytes: usage.rss,
    heapUsedBytes: usage.heapUsed,
    // Memory V8 has reserved for its heap, used or not, in total and per space.
    heapTotalBytes: usage.heapTotal,
    heapSpaceBytes: spaces,
    externalBytes: usage.external,
    ...extra,
  };
}

/** Runs `operation(index)` for indexes [from, to) with `inFlight` loops. */
async function runRange(from, to, operation) {
  let next = from;
  const loop = async () => {
    while (next < to) {
      const index = next;
      next += 1;
      await operation(index);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
}

async function clientRun() {
  const { createStripeClient } = await import('@patchbay/stripe');
  const stripe = createStripeClient({
    apiKey: 'sk_test_bench0000000000000000',
    apiVersion: '2026-07-29.dahlia',
    baseUrl: values.url,
    // The limiter counts every request, and a limit above the reachable rate keeps it from waiting.
    limits: { read: { limit: 1_000_000_000, windowMs: 1000 } },
    breaker: { failureThreshold: 5, openMs: 30_000 },
  });
  const samples = [sample(0)];
  for (let done = 0; done < total; done += every) {
    await runRange(done, done + every, () => stripe.customers.retrieve(stripeCustomerId));
    samples.push(sample(done + every));
  }
  await stripe.close();
  return samples;
}

async function receiverRun() {
  const { createWebhookReceiver, createStripeVerifier, MemoryDedupStore } = await import(
    '@patchbay/webhooks'
  );
  const { z } = await import('zod');
  const store = new MemoryDedupStore();
  let handled = 0;
  const receiver = createWebhookReceiver({
    verifier: createStripeVerifier({ secrets: [secrets.stripe] }),
    dedupe: { store },
    handlers: {
      'invoice.paid': {
        schema: z.object({
          id: z.string(),
          type: z.literal('invoice.paid'),
          data: z.object({ object: z.object({ id: z.string(), amount_paid: z.number() }) }),
        }),
        handle: async () => {
          handled += 1;
        },
      },
    },
  });
  const handleOne = async (index) => {
    const seconds = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      id: `evt_bench${String(index).padStart(10, '0')}`,
      object: 'event',
      type: 'invoice.paid',
      created: seconds,
      data: { object: { id: `in_bench${index}`, object: 'invoice', amount_paid: 1050, currency: 'usd' } },
    });
    const signature = createHmac('sha256', secrets.stripe).update(`${seconds}.${body}`).digest('hex');
    const response = await receiver.handle({
      rawBody: Buffer.from(body),
      headers: { 'stripe-signature': `t=${seconds},v1=${signature}`, 'content-type': 'application/json' },
    });
    if (response.status !== 200)
      throw new Error(`The receiver returned status ${response.status} for event ${index}.`);
  };
  const samples = [sample(0, { storeEntries: store.size })];
  for (let done = 0; done < total; done += every) {
    await runRange(done, done + every, handleOne);
    samples.push(sample(done + every, { storeEntries: store.size }));
  }
  if (handled !== total) {
    throw new Error(`The handler ran for ${handled} of ${total} distinct events, expected once for each.`);
  }
  return samples;
}

const samples = values.kind === 'client' ? await clientRun() : await receiverRun();
printResult({ kind: values.kind, total, every, samples });
process.exit(0);
