import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPlaygroundBundle, playgroundBundle } from '../lead-sync/build-playground.mjs';
import { generateLeadsCsv } from '../lead-sync/generate-leads.mjs';
import { runClient, startServer } from '../lib/processes.mjs';

const csvPath = fileURLToPath(new URL('../../.build/leads.csv', import.meta.url));
// The fake meters HubSpot Free's burst limit: 100 requests per rolling 10 s.
const limit = 100;
const windowMs = 10_000;

function operationOf(request) {
  return `${request.method} ${request.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
}

/** Turns the fake's request log into counts, 429s and the span against the limit-bound minimum. */
function summarizeRequests(requests) {
  const breakdown = {};
  for (const request of requests) {
    const operation = operationOf(request);
    breakdown[operation] = (breakdown[operation] ?? 0) + 1;
  }
  const times = requests.map((request) => request.atMs).sort((a, b) => a - b);
  const minimumMs = Math.floor((requests.length - 1) / limit) * windowMs;
  const spanMs = times.at(-1) - times[0];
  const boundaryLossMs = [];
  for (let index = limit; index < times.length; index += limit)
    boundaryLossMs.push(times[index] - times[index - limit] - windowMs);
  return {
    requests: requests.length,
    breakdown,
    tooManyRequests: requests.filter((request) => request.status === 429).length,
    // A 404 is expected once: the deal-key property check before the property is created.
    otherFailures: requests.filter(
      (request) =>
        request.status === 'reset' ||
        (request.status >= 400 && request.status !== 429 && request.status !== 404),
    ).length,
    spanMs,
    minimumMs,
    ratioToMinimum: spanMs / minimumMs,
    boundaryLossMs,
  };
}

/** Lead sync into the HubSpot fake: one fresh fake and one client process per round. */
export async function runLeadSync(options, log) {
  const build = await buildPlaygroundBundle();
  const workflow = build.ok ? 'playground' : 'reproduced';
  if (!build.ok)
    log(
      `lead sync: the playground workflow did not build or import (${build.reason}); reproducing its requests`,
    );
  writeFileSync(csvPath, generateLeadsCsv(options.leads));

  const runs = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    const server = await startServer('servers/hubspot-fake-server.mjs', {
      args: ['--workflow', workflow, '--bundle', playgroundBundle],
    });
    try {
      const client = await runClient('clients/lead-sync-client.mjs', {
        args: ['--workflow', workflow, '--bundle', playgroundBundle, '--url', server.url, '--csv', csvPath],
        timeoutMs: 600_000,
      });
      const stats = await server.request({ type: 'stats' });
      const pauses = client.events.pauses;
      runs.push({
        round,
        leads: client.leads,
        contacts: client.contacts,
        deals: client.deals,
        tiers: client.tiers,
        clientLimits: client.limits,
        retries: client.events.retries,
        pauses: pauses.map((pause) => ({
          atSeconds: (pause.atMs - client.startedAt) / 1000,
          durationMs: Math.round(pause.untilMs - pause.atMs),
          reason: pause.reason,
        })),
        workflowSeconds: (client.finishedAt - client.startedAt) / 1000,
        ...summarizeRequests(stats.requests),
      });
    } finally {
      await server.stop();
    }
    log(`lead sync: round ${round}/${options.rounds} done`);
  }
  return {
    settings: { ...options, limit, windowMs },
    workflow,
    buildFailure: build.ok ? undefined : build.reason,
    runs,
  };
}
