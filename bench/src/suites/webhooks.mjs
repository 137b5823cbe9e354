import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifierImplementations } from '../clients/webhook-verifiers.mjs';
import { summarizeCpuProfile } from '../lib/cpu-profile.mjs';
import { runClient } from '../lib/processes.mjs';

export const webhookSchemes = {
  stripe: 'Stripe (`Stripe-Signature`)',
  hubspot: 'HubSpot v3',
  standard: 'Standard Webhooks',
  github: 'GitHub (`X-Hub-Signature-256`)',
};

export function implementationsFor(scheme) {
  return Object.entries(verifierImplementations)
    .filter(([, implementation]) => !implementation.schemes || implementation.schemes.includes(scheme))
    .map(([name]) => name);
}

function verifyArgs(scheme, implementation, warmupMs, durationMs) {
  return [
    ...['--scheme', scheme, '--implementation', implementation],
    ...['--warmup-ms', String(warmupMs), '--duration-ms', String(durationMs)],
  ];
}

async function profileVerifier(scheme, options) {
  const directory = mkdtempSync(join(tmpdir(), 'patchbay-bench-profile-'));
  try {
    await runClient('clients/verify-client.mjs', {
      nodeArgs: ['--cpu-prof', '--cpu-prof-dir', directory, '--cpu-prof-interval', '100'],
      args: verifyArgs(scheme, 'patchbay', options.warmupMs, options.profileMs),
    });
    const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
    return summarizeCpuProfile(join(directory, file), 10);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Verifications per second: one process per scheme and implementation, rounds interleaved. */
export async function runWebhooks(options, log) {
  const schemes = {};
  for (const scheme of Object.keys(webhookSchemes)) {
    schemes[scheme] = {
      title: webhookSchemes[scheme],
      implementations: Object.fromEntries(implementationsFor(scheme).map((name) => [name, []])),
    };
  }
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const scheme of Object.keys(webhookSchemes)) {
      for (const implementation of implementationsFor(scheme)) {
        const result = await runClient('clients/verify-client.mjs', {
          args: verifyArgs(scheme, implementation, options.warmupMs, options.durationMs),
        });
        schemes[scheme].implementations[implementation].push({ round, ...result });
      }
    }
    log(`webhooks: round ${round}/${options.rounds} done`);
  }
  if (options.profileMs > 0) {
    for (const scheme of Object.keys(webhookSchemes))
      schemes[scheme].patchbayProfile = await profileVerifier(scheme, options);
    log('webhooks: profiled the Patchbay verifiers');
  }
  return { settings: options, schemes };
}
