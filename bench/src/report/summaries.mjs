// Turns raw runs into medians, ranges and same-round ratios. Every ratio is computed within one
// round (client / baseline of that round) before the median across rounds is taken.
import { clientLabels } from '../clients/http-clients.mjs';
import { verifierImplementations } from '../clients/webhook-verifiers.mjs';
import { spread } from '../lib/stats.mjs';

function byRound(runs) {
  return new Map(runs.map((run) => [run.round, run]));
}

/** Per-round ratios of `pick(run)` to `pick(baselineRun)`, summarized. */
export function ratioSpread(runs, baselineRuns, pick) {
  const baseline = byRound(baselineRuns);
  return spread(
    runs.filter((run) => baseline.has(run.round)).map((run) => pick(run) / pick(baseline.get(run.round))),
  );
}

export function summarizeOverhead(endpoint) {
  const baselineRuns = endpoint.clients[endpoint.baseline];
  const metrics = {
    throughput: (run) => run.throughput.requestsPerSecond,
    latency: (run) => run.sequential.medianUs,
    cpu: (run) => run.throughput.cpuUsPerRequest,
    rss: (run) => run.peakRssBytes / 2 ** 20,
  };
  return Object.entries(endpoint.clients).map(([client, runs]) => {
    const row = { client, label: clientLabels[client] ?? client };
    for (const [name, pick] of Object.entries(metrics)) {
      row[name] = spread(runs.map(pick));
      row[`${name}Ratio`] = ratioSpread(runs, baselineRuns, pick);
    }
    return row;
  });
}

export function summarizeRateLimit(runs) {
  return {
    fraction: spread(runs.map((run) => run.fractionOfIdeal)),
    tooManyRequests: spread(runs.map((run) => run.tooManyRequests)),
    spanSeconds: spread(runs.map((run) => run.spanMs / 1000)),
    boundaryLossMs: spread(runs.flatMap((run) => run.boundaryLossMs)),
    runs: runs.length,
  };
}

export function summarizeWebhooks(scheme) {
  const baselineRuns = scheme.implementations.raw;
  return Object.entries(scheme.implementations).map(([implementation, runs]) => ({
    implementation,
    label: verifierImplementations[implementation]?.label ?? implementation,
    perSecond: spread(runs.map((run) => run.perSecond)),
    ratio: ratioSpread(runs, baselineRuns, (run) => run.perSecond),
  }));
}

export function summarizeAcquisitions(libraries) {
  const baselineRuns = libraries['redis-incr'];
  return Object.entries(libraries).map(([library, runs]) => ({
    library,
    perSecond: spread(runs.map((run) => run.perSecond)),
    ratio: ratioSpread(runs, baselineRuns, (run) => run.perSecond),
  }));
}

export function summarizeLeadSync(runs) {
  return {
    ratio: spread(runs.map((run) => run.ratioToMinimum)),
    spanSeconds: spread(runs.map((run) => run.spanMs / 1000)),
    minimumSeconds: spread(runs.map((run) => run.minimumMs / 1000)),
    requests: spread(runs.map((run) => run.requests)),
    tooManyRequests: spread(runs.map((run) => run.tooManyRequests)),
    workflowSeconds: spread(runs.map((run) => run.workflowSeconds)),
  };
}
