import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeCpuProfile } from '../lib/cpu-profile.mjs';
import { runClient, startServer } from '../lib/processes.mjs';

export const overheadEndpoints = {
  'stripe-get': {
    title: 'Stripe `GET /v1/customers/:id`',
    clients: ['undici', 'fetch', 'ky', 'ky-zod', 'axios', 'stripe', 'patchbay'],
  },
  'hubspot-get': {
    title: 'HubSpot `GET /crm/v3/objects/contacts/:id`',
    clients: ['undici', 'fetch', 'ky', 'ky-zod', 'axios', 'hubspot', 'patchbay'],
  },
  'hubspot-batch': {
    title: 'HubSpot `POST /crm/v3/objects/contacts/batch/create` (100 contacts)',
    clients: ['undici', 'fetch', 'ky', 'ky-zod', 'axios', 'hubspot', 'patchbay'],
  },
};

function clientArgs(client, endpoint, url, options, throughputMs) {
  return [
    '--client',
    client,
    '--endpoint',
    endpoint,
    '--url',
    url,
    '--warmup-ms',
    String(options.warmupMs),
    '--sequential-ms',
    String(options.sequentialMs),
    '--throughput-ms',
    String(throughputMs),
    '--in-flight',
    String(options.inFlight),
  ];
}

/** Runs Patchbay's client once more under `node --cpu-prof` and summarizes where its CPU time goes. */
async function profilePatchbay(endpoint, url, options) {
  const directory = mkdtempSync(join(tmpdir(), 'patchbay-bench-profile-'));
  try {
    await runClient('clients/overhead-client.mjs', {
      nodeArgs: ['--cpu-prof', '--cpu-prof-dir', directory, '--cpu-prof-interval', '200'],
      args: clientArgs('patchbay', endpoint, url, options, options.profileMs),
    });
    const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
    return summarizeCpuProfile(join(directory, file), 14);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Client overhead: every client in its own process against one local load server, rounds
 * interleaving the clients of every endpoint (A B C ... A B C ...).
 */
export async function runClientOverhead(options, log) {
  const server = await startServer('servers/load-server.mjs');
  const endpoints = {};
  for (const [endpoint, { title, clients }] of Object.entries(overheadEndpoints)) {
    endpoints[endpoint] = {
      title,
      baseline: 'fetch',
      clients: Object.fromEntries(clients.map((c) => [c, []])),
    };
  }
  try {
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const [endpoint, { clients }] of Object.entries(overheadEndpoints)) {
        for (const client of clients) {
          const result = await runClient('clients/overhead-client.mjs', {
            args: clientArgs(client, endpoint, server.url, options, options.throughputMs),
          });
          endpoints[endpoint].clients[client].push({ round, ...result });
        }
        log(`client overhead: round ${round}/${options.rounds}, ${endpoint} done`);
      }
    }
    if (options.profileMs > 0) {
      for (const endpoint of Object.keys(overheadEndpoints)) {
        endpoints[endpoint].patchbayProfile = await profilePatchbay(endpoint, server.url, options);
        log(`client overhead: profiled Patchbay on ${endpoint}`);
      }
    }
  } finally {
    await server.stop();
  }
  return { settings: options, endpoints };
}
