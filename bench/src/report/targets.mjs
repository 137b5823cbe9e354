// Evaluates the targets against one run's results. Each entry names the target, the measured
// value, whether it is met, and the section of BENCHMARKS.md that shows what limits it.
import { num, percent, range, ratio } from './format.mjs';
import {
  ratioSpread,
  summarizeLeadSync,
  summarizeOverhead,
  summarizeRateLimit,
  summarizeWebhooks,
} from './summaries.mjs';

const overheadTargets = [
  { endpoint: 'stripe-get', minimum: 1.8, sdk: 'stripe' },
  { endpoint: 'hubspot-get', minimum: 1.3, sdk: 'hubspot' },
  { endpoint: 'hubspot-batch', minimum: 1.0, sdk: 'hubspot' },
];

function overhead(results) {
  return overheadTargets.map(({ endpoint, minimum, sdk }) => {
    const data = results.endpoints[endpoint];
    const rows = summarizeOverhead(data);
    const patchbay = rows.find((row) => row.client === 'patchbay');
    const official = rows.find((row) => row.client === sdk);
    // Patchbay against the SDK directly, round by round, rather than through two fetch ratios.
    const versusSdk = ratioSpread(
      data.clients.patchbay,
      data.clients[sdk],
      (run) => run.throughput.requestsPerSecond,
    );
    const met = patchbay.throughputRatio.median >= minimum && versusSdk.median > 1;
    return {
      section: 'client-overhead',
      target: `${data.title}: Patchbay throughput at ${results.settings.inFlight} in flight ≥ ${num(minimum, 1)}× global \`fetch\`, ahead of ${official.label}`,
      measured: `${ratio(patchbay.throughputRatio)} \`fetch\` (${official.label} ${ratio(official.throughputRatio)}); ${ratio(versusSdk)} ${official.label} in the same round`,
      met,
    };
  });
}

function rateLimit(results) {
  return ['fixed', 'rolling'].map((window) => {
    const summary = summarizeRateLimit(results.servers[window].libraries.patchbay);
    const met = summary.fraction.median >= 0.95 && summary.tooManyRequests.max === 0;
    return {
      section: 'rate-limit-utilisation',
      target: `Patchbay limiter, ${window} window: ≥ 0.95 of ideal and 0 × 429`,
      measured: `${range(summary.fraction, 3)} of ideal, ${num(summary.tooManyRequests.max)} × 429 in the worst run`,
      met,
    };
  });
}

const verifyOnlyPeers = { stripe: 'stripe-verify-header', hubspot: 'hubspot-is-valid', github: 'octokit' };
const parsingPeers = { stripe: 'stripe-construct-event', standard: 'standardwebhooks' };

function webhooks(results) {
  const targets = [];
  for (const [scheme, data] of Object.entries(results.schemes)) {
    const rows = Object.fromEntries(summarizeWebhooks(data).map((row) => [row.implementation, row]));
    targets.push({
      section: 'webhook-verification',
      target: `${data.title}: verification ≥ 0.9× raw HMAC`,
      measured: ratio(rows.patchbay.ratio),
      met: rows.patchbay.ratio.median >= 0.9,
    });
    targets.push({
      section: 'webhook-verification',
      target: `${data.title}: verification + \`JSON.parse\` ≥ 0.43× raw HMAC`,
      measured: ratio(rows['patchbay-parse'].ratio),
      met: rows['patchbay-parse'].ratio.median >= 0.43,
    });
    for (const [peers, ours] of [
      [verifyOnlyPeers, 'patchbay'],
      [parsingPeers, 'patchbay-parse'],
    ]) {
      const peer = rows[peers[scheme]];
      if (!peer) continue;
      targets.push({
        section: 'webhook-verification',
        target: `${data.title}: ${rows[ours].label} ahead of ${peer.label}`,
        measured: `${ratio(rows[ours].ratio)} vs ${ratio(peer.ratio)} raw`,
        met: rows[ours].perSecond.median > peer.perSecond.median,
      });
    }
  }
  return targets;
}

function memory(results) {
  return Object.entries(results.runs).map(([kind, run]) => ({
    section: 'memory',
    target: `${kind === 'client' ? 'Patchbay client' : 'Webhook receiver with the default dedup store'}: RSS flat within 10% after warm-up`,
    measured: `RSS varies ${percent(run.rss.growth)} after warm-up; heap ${percent(run.heap.growth)}`,
    met: run.rss.flat,
  }));
}

function leadSync(results) {
  const summary = summarizeLeadSync(results.runs);
  const first = results.runs[0];
  const chunks = (count) => Math.ceil(count / 100);
  const calls = (operation) => first.breakdown[operation] ?? 0;
  const contactReads = calls('POST /crm/v3/objects/contacts/batch/read');
  const contactUpserts = calls('POST /crm/v3/objects/contacts/batch/upsert');
  const deals = first.deals.created + first.deals.updated;
  const dealWrites = [
    ['deal upserts', calls('POST /crm/v3/objects/deals/batch/upsert'), chunks(deals)],
    [
      'associations',
      calls('POST /crm/v4/associations/deals/contacts/batch/associate/default'),
      chunks(deals),
    ],
    [
      'line-item creates',
      calls('POST /crm/v3/objects/line_items/batch/create'),
      chunks(first.deals.lineItems),
    ],
  ];
  return [
    {
      section: 'lead-sync',
      target: `Contact calls: ceil(${num(first.leads)} / 100) = ${chunks(first.leads)} batch calls`,
      measured: `${contactUpserts + contactReads}: ${contactUpserts} upserts and ${contactReads} batch reads`,
      met: contactUpserts + contactReads === chunks(first.leads),
    },
    {
      section: 'lead-sync',
      target: `Deal writes in full chunks of 100 (${num(deals)} deals, ${num(first.deals.lineItems)} line items)`,
      measured: dealWrites.map(([name, sent, minimum]) => `${sent} ${name} (minimum ${minimum})`).join(', '),
      met: dealWrites.every(([, sent, minimum]) => sent === minimum),
    },
    {
      section: 'lead-sync',
      target: 'Lead sync: 0 × 429',
      measured: `${num(summary.tooManyRequests.max)} × 429 in the worst run, ${num(summary.requests.median)} requests in all`,
      met: summary.tooManyRequests.max === 0,
    },
    {
      section: 'lead-sync',
      target: 'Lead sync: elapsed ≤ 1.05× the limit-bound minimum',
      measured: `${range(summary.ratio, 3)}: ${range(summary.spanSeconds, 1)} s from first to last request, minimum ${range(summary.minimumSeconds, 0)} s`,
      met: summary.ratio.median <= 1.05,
    },
  ];
}

function redis(results) {
  const summary = summarizeRateLimit(results.rolling['patchbay-redis']);
  return [
    {
      section: 'redis',
      target: `Patchbay \`RedisLimiterStore\`, ${results.settings.rolling.processes} processes, rolling window: ≥ 0.95 of ideal and 0 × 429`,
      measured: `${range(summary.fraction, 3)} of ideal, ${num(summary.tooManyRequests.max)} × 429 in the worst run`,
      met: summary.fraction.median >= 0.95 && summary.tooManyRequests.max === 0,
    },
  ];
}

const evaluators = { overhead, rateLimit, webhooks, memory, leadSync, redis };

export function evaluateTargets(suites) {
  return Object.entries(evaluators).flatMap(([name, evaluate]) =>
    suites[name] ? evaluate(suites[name]) : [],
  );
}
