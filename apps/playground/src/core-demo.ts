// A small end-to-end run of the core pipeline against a local server that throttles and fails
// on purpose: the client stays under the limit, retries what is retryable and reports the rest.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerAuth, createClient, HttpError } from '@patchbay/core';

const limit = 20;
const windowMs = 1000;
const arrivals: number[] = [];
let served = 0;

const server = createServer((request, response) => {
  const now = Date.now();
  while (arrivals.length > 0 && (arrivals[0] as number) <= now - windowMs) arrivals.shift();
  if (arrivals.length >= limit) {
    response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
    response.end(JSON.stringify({ message: 'rate limited' }));
    return;
  }
  arrivals.push(now);
  served += 1;
  // Every seventh request fails once with a 503, as a flaky upstream would.
  if (served % 7 === 0) {
    response.writeHead(503, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message: 'upstream busy' }));
    return;
  }
  const id = request.url?.split('/').pop();
  response.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${served}` });
  response.end(JSON.stringify({ id, status: 'ok' }));
});

await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

const client = createClient({
  service: 'demo',
  baseUrl: `http://127.0.0.1:${port}`,
  auth: bearerAuth('demo-token-123'),
  requestIdHeader: 'request-id',
  retry: { maxRetries: 3, initialDelayMs: 100, maxDelayMs: 1000 },
  limiter: { buckets: { default: { limit, windowMs } } },
  breaker: { failureThreshold: 10 },
});

let retries = 0;
let waits = 0;
let attempts = 0;
client.events.on('request', () => {
  attempts += 1;
});
client.events.on('retry', (event) => {
  retries += 1;
  process.stdout.write(`  retry after ${event.reason} on ${event.url} (wait ${event.delayMs} ms)\n`);
});
client.events.on('rate-limited', () => {
  waits += 1;
});

const total = 60;
const startedAt = Date.now();
process.stdout.write(`Sending ${total} requests to a local server that allows ${limit} per second...\n`);
const results = await Promise.allSettled(
  Array.from({ length: total }, (_, index) =>
    client.request({ method: 'GET', path: `/v1/items/item_${index}` }),
  ),
);
const elapsedMs = Date.now() - startedAt;
const failed = results.filter((result) => result.status === 'rejected');

process.stdout.write(`\nSucceeded: ${total - failed.length} of ${total}\n`);
process.stdout.write(`Retries: ${retries}; requests that waited for the limiter: ${waits}\n`);
const minimumMs = (Math.ceil(attempts / limit) - 1) * windowMs;
process.stdout.write(
  `Attempts: ${attempts}; elapsed: ${elapsedMs} ms (the limit allows ${attempts} attempts in ${minimumMs} ms at best)\n`,
);
for (const result of failed) {
  const reason = result.status === 'rejected' ? result.reason : undefined;
  process.stdout.write(`  failed: ${HttpError.isInstance(reason) ? reason.message : String(reason)}\n`);
}

await client.close();
server.close();
process.exitCode = failed.length === 0 ? 0 : 1;
