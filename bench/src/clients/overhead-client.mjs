// One client-overhead measurement in its own process: warm-up, sequential latency, then
// throughput with a fixed number of requests in flight. Prints the result as JSON.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { printResult } from '../lib/processes.mjs';
import { createHttpClient } from './http-clients.mjs';

const { values } = parseArgs({
  options: {
    client: { type: 'string' },
    endpoint: { type: 'string' },
    url: { type: 'string' },
    'warmup-ms': { type: 'string', default: '500' },
    'sequential-ms': { type: 'string', default: '600' },
    'throughput-ms': { type: 'string', default: '1500' },
    'in-flight': { type: 'string', default: '64' },
  },
});

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/** Runs `send` from `inFlight` loops until `durationMs` has passed; every started call finishes. */
async function runConcurrent(send, inFlight, durationMs) {
  const startedAt = performance.now();
  const deadline = startedAt + durationMs;
  let completed = 0;
  let lastDoneAt = startedAt;
  const loop = async () => {
    while (performance.now() < deadline) {
      await send();
      completed += 1;
      lastDoneAt = performance.now();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  return { completed, elapsedMs: lastDoneAt - startedAt };
}

const client = await createHttpClient(values.client, values.url, values.endpoint);
const inFlight = Number(values['in-flight']);

await runConcurrent(client.send, inFlight, Number(values['warmup-ms']));

const latenciesUs = [];
const sequentialEnd = performance.now() + Number(values['sequential-ms']);
while (performance.now() < sequentialEnd) {
  const startedAt = performance.now();
  await client.send();
  latenciesUs.push((performance.now() - startedAt) * 1000);
}
latenciesUs.sort((a, b) => a - b);

const cpuBefore = process.cpuUsage();
const { completed, elapsedMs } = await runConcurrent(client.send, inFlight, Number(values['throughput-ms']));
const cpu = process.cpuUsage(cpuBefore);

await client.close();
printResult({
  client: values.client,
  endpoint: values.endpoint,
  // The transport a Patchbay client reports through `client.transport`; other clients have none.
  transport: client.transport,
  sequential: {
    requests: latenciesUs.length,
    medianUs: percentile(latenciesUs, 0.5),
    p99Us: percentile(latenciesUs, 0.99),
  },
  throughput: {
    inFlight,
    requests: completed,
    elapsedMs,
    requestsPerSecond: (completed / elapsedMs) * 1000,
    cpuUsPerRequest: (cpu.user + cpu.system) / completed,
  },
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
});
// Pooled keep-alive sockets of some clients (axios, node-fetch) hold the event loop open.
process.exit(0);
