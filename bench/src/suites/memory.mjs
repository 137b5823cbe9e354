import { runClient, startServer } from '../lib/processes.mjs';

/**
 * Checks whether a series of samples stays flat after warm-up (the first `every` operations): the
 * samples from then on must lie within `tolerance` of their minimum.
 */
export function flatness(samples, key, tolerance = 0.1) {
  const afterWarmup = samples.filter((sample) => sample.operations > 0);
  const values = afterWarmup.map((sample) => sample[key]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { min, max, growth: max / min - 1, flat: max / min - 1 <= tolerance };
}

/** RSS and heap over a long run of one Patchbay client and of one webhook receiver. */
export async function runMemory(options, log) {
  const server = await startServer('servers/load-server.mjs');
  const result = { settings: options, runs: {} };
  try {
    for (const kind of ['client', 'receiver']) {
      const run = await runClient('clients/memory-client.mjs', {
        nodeArgs: ['--expose-gc'],
        args: [
          ...['--kind', kind, '--url', server.url, '--total', String(options.total)],
          ...['--every', String(options.every), '--in-flight', String(options.inFlight)],
        ],
        timeoutMs: 300_000,
      });
      result.runs[kind] = {
        samples: run.samples,
        rss: flatness(run.samples, 'rssBytes'),
        heap: flatness(run.samples, 'heapUsedBytes'),
      };
      log(`memory: ${kind} done`);
    }
  } finally {
    await server.stop();
  }
  return result;
}
