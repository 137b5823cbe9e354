// Renders BENCHMARKS.md from one run's results. Every number on the page comes from `results`.
import { overheadEndpoints } from '../suites/client-overhead.mjs';
import { rollingLibraries } from '../suites/redis.mjs';
import { mib, num, percent, range, ratio, table, yesNo } from './format.mjs';
import {
  ratioSpread,
  summarizeAcquisitions,
  summarizeLeadSync,
  summarizeOverhead,
  summarizeRateLimit,
  summarizeWebhooks,
} from './summaries.mjs';
import { evaluateTargets } from './targets.mjs';

function rounds(count) {
  return count === 1 ? '1 round' : `${count} rounds`;
}

function header(results) {
  const { machine, source } = results;
  const changed =
    source.changedPackageFiles.length === 0
      ? 'no uncommitted changes under `packages/`'
      : `uncommitted changes under \`packages/\`: ${source.changedPackageFiles.map((file) => `\`${file}\``).join(', ')}`;
  return `# Benchmarks

Measurements of Patchbay's clients, rate limiter, webhook verifiers and stores beside the
libraries people use for the same jobs. Every number on this page comes from one run of

\`\`\`sh
pnpm bench
\`\`\`

(from the repository root: \`npx pnpm@10.34.9 bench\` where pnpm is not installed), started
${results.startedAt} and finished in ${num(results.durationSeconds)} s. The raw results, every
round of every measurement, are in [\`bench/results/latest.json\`](bench/results/latest.json), and the
harness is in [\`bench/\`](bench/). Every server is a local process on 127.0.0.1.

## Machine

| | |
| --- | --- |
| CPU | ${machine.cpuModel}, ${machine.cores} cores |
| memory | ${machine.memoryGiB} GiB |
| Node | ${machine.node} (V8 ${machine.v8}, bundled undici ${machine.nodeBundledUndici} behind global \`fetch\`) |
| OS | ${machine.os} |
| load average (1, 5, 15 min) at start | ${machine.loadAverage.join(', ')} |
| load average (1, 5, 15 min) at end | ${results.loadAverageAtEnd.join(', ')} |
| source | commit \`${source.commit}\`, ${changed} |
| build | ${results.build.atStart === results.build.atEnd ? 'the same built packages from start to end' : '**the packages were rebuilt during the run**, so later measurements may load other code than earlier ones'} |

The machine is shared with other work, so absolute numbers move between runs. Ratios to a
baseline measured in the same round move much less, and the tables lead with them.

## Libraries

${table(
  ['package', 'version'],
  Object.entries(results.versions).map(([name, version]) => [`\`${name}\``, version]),
)}

Versions are read from each package's \`package.json\` as installed in \`bench/node_modules\`;
Patchbay's packages are the workspace's own builds (\`dist/\`), built by \`pnpm bench\` first.
Peers are the newest major that supports Node 20. \`@hubspot/api-client\` 14, \`p-queue\` 10,
\`undici\` 8 and ky 2 need Node 22, so 13, 9, 7 and 1 are measured (ky and undici at the
versions \`@patchbay/core\` itself depends on).
`;
}

function method() {
  return `## Method

- Every client runs in its own \`node\` process, spawned per measurement, against servers that run
  in processes of their own. Client scripts are plain ES modules and Patchbay is loaded from its
  built \`dist/\`, so no transpiler runs during a measurement.
- Rounds interleave the clients (A B C … A B C …), so drift on the machine hits all of them.
- Each table cell is the median over rounds, with the minimum and maximum in brackets. A ratio is
  computed within each round (client ÷ baseline of that round) before the median is taken.
- \`N×\` means N times the baseline. For throughput higher is better, and for latency, CPU and
  memory lower is better.
- CPU profiles come from one extra process per measured configuration run with
  \`node --cpu-prof\` and are summarized as self time: the time spent in a function itself, not in
  the functions it calls, as a share of the process's busy (non-idle) samples.
`;
}

function targetsSection(targets) {
  return `## Targets

${table(
  ['target', 'measured', 'result'],
  targets.map((target) => [
    target.target,
    target.measured,
    `${yesNo(target.met)} ([details](#${target.section}))`,
  ]),
)}

Each section below says, for the targets it did not meet, what limits them.
`;
}

function profileTables(profile, title) {
  if (!profile) return '';
  const packages = profile.packages
    .filter((entry) => entry.share >= 0.005)
    .slice(0, 8)
    .map((entry) => [entry.name.startsWith('(') ? entry.name : `\`${entry.name}\``, percent(entry.share)]);
  const functions = profile.functions.map((entry) => [
    `\`${entry.name}\``,
    entry.location ? `\`${entry.location}\`` : '(native)',
    percent(entry.share),
  ]);
  return `${title}

${table(['where', 'self time'], packages)}

${table(['function', 'location', 'self time'], functions)}
`;
}

function packageShare(profile, name) {
  return profile?.packages.find((entry) => entry.name === name)?.share ?? 0;
}

function functionShare(profile, name) {
  return (
    profile?.functions.filter((entry) => entry.name === name).reduce((sum, entry) => sum + entry.share, 0) ??
    0
  );
}

/** Lists the transport names Patchbay's overhead clients reported, over every run. */
function patchbayTransports(results) {
  const names = new Set();
  for (const endpoint of Object.values(results.endpoints)) {
    for (const run of endpoint.clients.patchbay ?? []) names.add(run.transport ?? 'unknown');
  }
  return [...names].map((name) => `\`${name}\``).join(', ');
}

/**
 * Explanations of a missed throughput target per endpoint, built from the run's profile and
 * table, so every figure in them comes from the same run.
 */
const unmetOverheadNotes = {
  'stripe-get': ({ profile, rows }) => {
    const cores = (row) => (row.throughput.median * row.cpu.median) / 1e6;
    const patchbay = rows.find((row) => row.client === 'patchbay');
    const fetchRow = rows.find((row) => row.client === 'fetch');
    return `Both Patchbay's and \`fetch\`'s processes are CPU-bound: median requests per
second times median CPU per request comes to about ${num(cores(patchbay), 2)} and ${num(cores(fetchRow), 2)} cores. So
throughput follows CPU per request, and Patchbay spends ${range(patchbay.cpu)} µs, ${ratio(patchbay.cpuRatio)} of
\`fetch\`'s. Where Patchbay's CPU goes: zod takes ${percent(packageShare(profile, 'zod'))} of busy time. \`parseSuccessBody\`, whose self
time is mostly the \`JSON.parse\` V8 inlines into it, takes ${percent(functionShare(profile, 'parseSuccessBody'))}, and
\`createAbortSignal\` ${percent(functionShare(profile, 'createAbortSignal'))}, because each call creates one \`AbortController\` for the
call and one per attempt. Garbage collection takes ${percent(packageShare(profile, '(garbage collector)'))}.`;
  },
  'hubspot-batch': ({ profile, data, results }) => {
    const zodCost = ratioSpread(
      data.clients['ky-zod'] ?? [],
      data.clients.ky ?? [],
      (run) => run.throughput.requestsPerSecond,
    );
    return `Where the time goes in the Patchbay client process: garbage collection takes
${percent(packageShare(profile, '(garbage collector)'))} of busy time; \`parseSuccessBody\`, whose self time is mostly the
\`JSON.parse\` V8 inlines into it, ${percent(functionShare(profile, 'parseSuccessBody'))}; \`prepareBody\`, which serializes the request
body, ${percent(functionShare(profile, 'prepareBody'))}; \`@patchbay/hubspot\` ${percent(packageShare(profile, '@patchbay/hubspot'))}; and zod ${percent(packageShare(profile, 'zod'))}.
The HubSpot client's share is per-record work that \`fetch\` here does not do: it checks and
serializes each input's property values (\`serialize\` ${percent(functionShare(profile, 'serialize'))}), tags each input with an
\`objectWriteTraceId\` so results and errors map back to input positions, and builds one result
entry per record. Each of those steps allocates per record, and with ${results.settings.inFlight} calls in flight the
collector traces all of it. What response validation alone costs on this endpoint shows in the
table: ky + zod reaches ${ratio(zodCost)} of ky's throughput, round by round.`;
  },
  default: () => 'The profile of the Patchbay client process shows where the time goes:',
};

function overheadSection(results, targets) {
  const parts = [
    `## Client overhead

A load server returns fixed bodies, serialized once at start: Stripe's customer object from
\`fixtures/stripe/objects.json\` with its contact fields filled in, a HubSpot contact with the
default properties, and a HubSpot batch create result of 100 contacts. Each client process warms
up for ${num(results.settings.warmupMs)} ms at ${results.settings.inFlight} requests in flight, measures sequential latency for
${num(results.settings.sequentialMs)} ms (one request at a time), then throughput for ${num(results.settings.throughputMs)} ms with ${results.settings.inFlight} requests in
flight. CPU per request is \`process.cpuUsage()\` over the throughput phase (all of the process's
threads, so garbage collection on helper threads counts) divided by the requests completed. Peak
RSS is \`process.resourceUsage().maxRSS\` at the end. Every client reads and parses the JSON body.
There are ${rounds(results.settings.rounds)}, and the baseline is global \`fetch\` from the same round.

Clients:

- \`undici.request\` and global \`fetch\`: the transport alone, with the body read by its own JSON
  method.
- ky and axios with their defaults. "ky + zod" validates the body with a zod schema as deep as
  Patchbay's for the same response.
- \`stripe\` with its defaults apart from \`host\`, \`port\` and \`protocol: 'http'\`.
- \`@hubspot/api-client\` with its defaults apart from \`basePath\` (version 13 adds its Bottleneck
  limiter and retries only when asked for, so neither runs).
- Patchbay: \`createStripeClient\` and \`createHubSpotClient\` with the whole pipeline armed:
  bearer auth, a sliding-window limiter whose limit (10⁹ per window) is never reached, retry
  (3 retries), the circuit breaker, timeouts and zod parsing of the response. The clients use
  core's default transport, which they reported as ${patchbayTransports(results)} (\`client.transport.name\`).
`,
  ];
  for (const endpoint of Object.keys(overheadEndpoints)) {
    const data = results.endpoints[endpoint];
    const rows = summarizeOverhead(data);
    parts.push(`### ${data.title}

${table(
  [
    'client',
    'throughput, req/s',
    'throughput × `fetch`',
    'sequential latency, µs',
    'latency × `fetch`',
    'CPU per request, µs',
    'CPU × `fetch`',
    'peak RSS, MiB',
  ],
  rows.map((row) => [
    row.label,
    range(row.throughput),
    ratio(row.throughputRatio),
    range(row.latency),
    ratio(row.latencyRatio),
    range(row.cpu),
    ratio(row.cpuRatio),
    range(row.rss),
  ]),
)}
`);
    const target = targets.find((entry) => entry.target.startsWith(data.title));
    const profile = data.patchbayProfile;
    if (profile) {
      const note = target?.met
        ? 'Where the time goes in the Patchbay client process (warm-up, sequential and throughput phases):'
        : `The target is not met. ${(unmetOverheadNotes[endpoint] ?? unmetOverheadNotes.default)({ profile, rows, data, results })}`;
      parts.push(profileTables(profile, note));
    }
  }
  return parts.join('\n');
}

function rateLimitSection(results) {
  const { settings } = results;
  const ideal = Math.floor((settings.requests - 1) / settings.limit) * settings.windowMs;
  const parts = [
    `## Rate-limit utilisation

A local server allows ${settings.limit} requests per ${num(settings.windowMs)} ms per bearer token, counted when they
arrive, and only admitted requests count. Beyond the limit it responds 429 with \`Retry-After\` in
whole seconds. Two servers: a **fixed** window (aligned to multiples of ${num(settings.windowMs)} ms on the server's clock)
and a **rolling** window (a log of arrival times, admitting a request while fewer than ${settings.limit}
arrived in the last ${num(settings.windowMs)} ms). Each client process sends ${settings.requests} requests as fast as its limiter
allows. A request that receives 429 waits for \`Retry-After\` and goes through the limiter again, so
every run ends with ${settings.requests} admitted requests.

**Ideal.** With bursting allowed, the fastest legal schedule sends bursts of ${settings.limit} at 0, 1, 2, …
windows, so request *n* arrives at floor((n − 1) / ${settings.limit}) windows and the last of ${settings.requests} arrives
${num(ideal / 1000)} s after the first. The fraction of ideal is ${num(ideal / 1000)} s divided by the time from the first to the
last admitted arrival on the server.

- Patchbay: \`createClient\` from \`@patchbay/core\` with
  \`limiter: { buckets: { default: { limit: ${settings.limit}, windowMs: ${settings.windowMs} } } }\` and the default retry.
- \`bottleneck\`: \`reservoir: ${settings.limit}\`, refreshed to ${settings.limit} every ${settings.windowMs} ms.
- \`p-queue\`: \`intervalCap: ${settings.limit}, interval: ${settings.windowMs}\`.

${rounds(settings.rounds)}, libraries interleaved.
`,
  ];
  for (const window of ['fixed', 'rolling']) {
    const rows = Object.entries(results.servers[window].libraries).map(([library, runs]) => {
      const summary = summarizeRateLimit(runs);
      return [
        library === 'patchbay' ? 'Patchbay' : `\`${library}\``,
        range(summary.fraction, 3),
        range(summary.tooManyRequests),
        range(summary.spanSeconds, 2),
      ];
    });
    parts.push(`### ${window === 'fixed' ? 'Fixed' : 'Rolling'} window

${table(['limiter', 'fraction of ideal', '429s per run', 'first to last arrival, s'], rows)}
`);
  }
  const patchbay = summarizeRateLimit([
    ...results.servers.fixed.libraries.patchbay,
    ...results.servers.rolling.libraries.patchbay,
  ]);
  parts.push(`Where Patchbay's time beyond the ideal goes: at each window boundary, request *k* × ${settings.limit} + 1
arrived a median of ${num(patchbay.boundaryLossMs.median, 1)} ms (range ${num(patchbay.boundaryLossMs.min, 1)}–${num(patchbay.boundaryLossMs.max, 1)} ms) later than one window after
request (*k* − 1) × ${settings.limit} + 1. The sliding-window limiter counts a request from its start until
\`windowMs + marginMs\` (10 ms) after its response arrives, because the server counted it at some
unknown point in between. So each window costs one response time plus the margin, and that is
what keeps both servers at 0 × 429.
`);
  return parts.join('\n');
}

function webhookSection(results, targets) {
  const parts = [
    `## Webhook verification

Verifications per second of one signed 2,048-byte request per scheme, signed in the harness with
\`node:crypto\` by each scheme's published recipe. Each implementation runs in its own process for
${num(results.settings.durationMs)} ms after a ${num(results.settings.warmupMs)} ms warm-up, and must accept the valid request and reject one with a
changed body before it is timed. The baseline, "raw", is \`createHmac\` + \`timingSafeEqual\` with
the least header parsing the scheme needs and the timestamp check where the scheme has one.
Patchbay's verifiers and raw take the body as a \`Buffer\`, while \`@octokit/webhooks-methods\` and
HubSpot's helper accept only strings and get one. ${rounds(results.settings.rounds)}.

HubSpot's \`Signature.isValid\` compares with \`===\` rather than in constant time and does not
decode the URI escapes HubSpot's v3 recipe lists. \`stripe\`'s \`constructEvent\` and
\`standardwebhooks\` parse the JSON body as part of verifying, so compare them with the
"+ \`JSON.parse\`" rows.
`,
  ];
  for (const scheme of Object.values(results.schemes)) {
    const rows = summarizeWebhooks(scheme);
    parts.push(`### ${scheme.title}

${table(
  ['implementation', 'verifications/s', '× raw'],
  rows.map((row) => [row.label, range(row.perSecond), ratio(row.ratio)]),
)}
`);
  }
  const unmet = targets.filter((target) => target.section === 'webhook-verification' && !target.met);
  if (unmet.length > 0 && Object.values(results.schemes).some((scheme) => scheme.patchbayProfile)) {
    const shares = (profile, names) => names.reduce((sum, name) => sum + functionShare(profile, name), 0);
    const hmacFunctions = ['Hmac', 'update', 'digest'];
    const rows = Object.values(results.schemes).map((scheme) => {
      const profile = scheme.patchbayProfile;
      const hmac = shares(profile, hmacFunctions);
      const ownTop = profile.functions
        .filter((entry) => entry.package === '@patchbay/webhooks')
        .slice(0, 3)
        .map((entry) => `\`${entry.name}\` ${percent(entry.share)}`)
        .join(', ');
      return [
        scheme.title,
        percent(hmac),
        percent(packageShare(profile, '@patchbay/webhooks')),
        ownTop || '–',
        percent(packageShare(profile, 'node internals') - hmac),
        percent(packageShare(profile, '(garbage collector)')),
      ];
    });
    parts.push(`### What limits the verifiers

${unmet.length} of the webhook targets are not met (see [Targets](#targets)). Raw verification is one HMAC over
2 KB plus a compare, so everything a verifier does besides that shows up directly in the ratio.
Self time in the Patchbay verifier processes, by scheme:

${table(
  [
    'scheme',
    'HMAC (`Hmac`, `update`, `digest`)',
    '`@patchbay/webhooks` code',
    'its functions with the most self time',
    'other Node internals',
    'garbage collector',
  ],
  rows,
)}

The HMAC is the same work raw does. The rest is the verifier's own: reading and checking the
headers, the timestamp check where the scheme has one, the comparison, the result object, the Node calls they make and
the garbage they leave. The per-scheme profiles follow.
`);
    for (const scheme of Object.values(results.schemes)) {
      parts.push(profileTables(scheme.patchbayProfile, `#### ${scheme.title}: Patchbay verifier profile`));
    }
  }
  return parts.join('\n');
}

/** Finds the step after warm-up with the largest RSS increase and what V8's heap did over it. */
function largestRssStep(samples) {
  let best;
  for (let index = 2; index < samples.length; index += 1) {
    const before = samples[index - 1];
    const after = samples[index];
    const growth = after.rssBytes - before.rssBytes;
    if (!best || growth > best.rss) {
      best = {
        from: before.operations,
        to: after.operations,
        rss: growth,
        heapTotal: after.heapTotalBytes - before.heapTotalBytes,
        oldSpace: (after.heapSpaceBytes?.old_space ?? 0) - (before.heapSpaceBytes?.old_space ?? 0),
        heapUsed: after.heapUsedBytes - before.heapUsedBytes,
      };
    }
  }
  return best;
}

function memoryExplanation(name, run) {
  if (run.rss.flat) return '';
  const step = largestRssStep(run.samples);
  if (!step) return '';
  return `
The ${name}'s RSS grew most between ${num(step.from)} and ${num(step.to)} operations: ${mib(step.rss)} MiB. Over the same
step V8's reserved heap (\`heapTotal\`) grew ${mib(step.heapTotal)} MiB, ${mib(step.oldSpace)} MiB of it old space, while the
heap in use after a full GC changed by ${mib(step.heapUsed)} MiB, and over all samples after warm-up it varied
${percent(run.heap.growth)}. So the growth is heap V8 reserved and kept after collecting, not objects
that stay alive.
`;
}

function memorySection(results) {
  const { client, receiver } = results.runs;
  const rows = client.samples.map((sample, index) => {
    const other = receiver.samples[index];
    return [
      num(sample.operations),
      mib(sample.rssBytes),
      mib(sample.heapTotalBytes),
      mib(sample.heapUsedBytes),
      mib(other?.rssBytes ?? Number.NaN),
      mib(other?.heapTotalBytes ?? Number.NaN),
      mib(other?.heapUsedBytes ?? Number.NaN),
      num(other?.storeEntries ?? Number.NaN),
    ];
  });
  const describe = (run) =>
    `RSS between ${mib(run.rss.min)} and ${mib(run.rss.max)} MiB (${percent(run.rss.growth)} above its minimum), heap used between ${mib(run.heap.min)} and ${mib(run.heap.max)} MiB (${percent(run.heap.growth)})`;
  return `## Memory

One process sends ${num(results.settings.total)} requests through one Patchbay Stripe client (limiter and breaker
armed, ${results.settings.inFlight} in flight) to the load server. Another hands ${num(results.settings.total)} distinct signed Stripe events to a
webhook receiver with the default \`MemoryDedupStore\` (3-day TTL, 10,000 entries, oldest evicted
first). Every ${num(results.settings.every)} operations the process waits for in-flight work, runs a full GC
(\`--expose-gc\`) and samples \`process.memoryUsage()\`: RSS, the heap V8 has reserved
(\`heapTotal\`) and the heap in use. Warm-up is the first ${num(results.settings.every)} operations, so "flat"
compares the samples from ${num(results.settings.every)} on.

${table(
  [
    'operations',
    'client RSS, MiB',
    'client heap reserved, MiB',
    'client heap used, MiB',
    'receiver RSS, MiB',
    'receiver heap reserved, MiB',
    'receiver heap used, MiB',
    'dedup entries',
  ],
  rows,
)}

- Client after warm-up: ${describe(client)}, so RSS is ${client.rss.flat ? 'flat within 10%' : '**not** flat within 10%'}.
- Receiver after warm-up: ${describe(receiver)}, so RSS is ${receiver.rss.flat ? 'flat within 10%' : '**not** flat within 10%'}.
${memoryExplanation('client', client)}${memoryExplanation('receiver', receiver)}`;
}

function leadSyncSection(results) {
  const summary = summarizeLeadSync(results.runs);
  const first = results.runs[0];
  const { limit, windowMs } = results.settings;
  const workflow =
    results.workflow === 'playground'
      ? `the playground's own workflow: \`runLeadSync\` from \`apps/playground/src/workflows/lead-sync.ts\`
with \`readLeadsCsv\` and \`ruleBasedQualifier\`, compiled from source with esbuild for this run`
      : `a reproduction of the playground's request pattern written in \`bench/src/clients/lead-sync-client.mjs\`,
because the playground workflow did not build or import in this run (${results.buildFailure})`;
  const breakdown = Object.entries(first.breakdown).map(([operation, count]) => [
    `\`${operation}\``,
    num(count),
  ]);
  const contactReads = first.breakdown['POST /crm/v3/objects/contacts/batch/read'] ?? 0;
  const contactUpserts = first.breakdown['POST /crm/v3/objects/contacts/batch/upsert'] ?? 0;
  const pauses = results.runs.flatMap((run) => run.pauses);
  const pausesByReason = {};
  for (const pause of pauses) pausesByReason[pause.reason] = (pausesByReason[pause.reason] ?? 0) + 1;
  const losses = results.runs.map((run) =>
    run.boundaryLossMs.reduce((sum, value) => sum + Math.max(0, value), 0),
  );
  const excess = results.runs.map((run) => run.spanMs - run.minimumMs);
  const marginMs = 10;
  const contactsText =
    contactReads > 0
      ? `Contacts took ${num(contactReads + contactUpserts)} calls where ${num(Math.ceil(first.leads / 100))} would do: ${num(contactUpserts)} upserts of up to 100 leads each, and
${num(contactReads)} batch reads of the same emails sent first, to tell created contacts from updated ones.`
      : `Contacts took ${num(contactUpserts)} calls, one upsert per 100 leads; HubSpot's \`new\` flag on each upsert
result tells created contacts from updated ones.`;
  return `## Lead sync

${num(first.leads)} generated leads (distinct emails, made deterministically by \`bench/src/lead-sync/generate-leads.mjs\`) are
synced into the HubSpot fake (\`createFakeHubSpot\` from \`@patchbay/hubspot/testing\`, served with
\`fake.listen()\` in its own process) by ${workflow}. The client is \`createHubSpotClient\` with the
Free tier's limit, the fake's default: ${limit} requests per rolling ${num(windowMs / 1000)} s. The fake's \`limits\` option
sets the count (\`tenSecondly\`) but not the window, which is fixed at HubSpot's 10 s, so the run
uses HubSpot's real window rather than a shortened one. ${rounds(results.settings.rounds)}, each against a fresh fake.

Qualification of the first round: tier A ${num(first.tiers?.A)}, B ${num(first.tiers?.B)}, C ${num(first.tiers?.C)}, disqualified ${num(first.tiers?.disqualified)};
${num(first.contacts.created)} contacts created, ${num(first.deals.created)} deals and ${num(first.deals.lineItems)} line items created, ${num(first.contacts.failed + first.deals.failed)} failures.

Requests of the first round, by operation (ids shown as \`{id}\`):

${table(['operation', 'requests'], breakdown)}

${table(
  ['', 'median (min–max)'],
  [
    ['requests sent', range(summary.requests)],
    ['429s received', range(summary.tooManyRequests)],
    ['first to last request at the fake, s', range(summary.spanSeconds, 2)],
    [
      `limit-bound minimum, s: floor((requests − 1) / ${limit}) × ${num(windowMs / 1000)} s`,
      range(summary.minimumSeconds, 2),
    ],
    ['ratio to the minimum', range(summary.ratio, 3)],
    ['workflow wall time in the client, s', range(summary.workflowSeconds, 2)],
  ],
)}

${contactsText}
Deal upserts, associations and line items go in full chunks of 100. Deals are also read before
the upsert and again after it, to count stages, and the playground's contact-history reads of its
top 5 leads come last.

**Where the time above the minimum goes.** Summed over the ${num(Math.floor((first.requests - 1) / limit))} window boundaries of a round, request
*k* × ${limit} + 1 arrived ${losses.map((value) => num(value / 1000, 2)).join(', ')} s (per round) later than one window after request
(*k* − 1) × ${limit} + 1, against ${excess.map((value) => num(value / 1000, 2)).join(', ')} s of excess over the minimum. The sliding window
counts a request until one window (plus a ${num(marginMs)} ms margin) after its response, so each boundary
costs at least one response time and the margin. The rest, ${excess.map((value, index) => num((value - losses[index]) / 1000, 2)).join(', ')} s, is the time the
${num(first.requests - Math.floor((first.requests - 1) / limit) * limit)} requests after the last boundary take to run, which the minimum counts as no time.
${
  pauses.length > 0
    ? `The client also logged ${num(pauses.length)} \`limiter-paused\` events over all rounds (${Object.entries(
        pausesByReason,
      )
        .map(([reason, count]) => `${num(count)} × \`${reason}\``)
        .join(
          ', ',
        )}), ${results.runs.map((run) => num(run.pauses.length)).join(', ')} per round; a boundary that lost
seconds rather than milliseconds is a paused one.
`
    : `The client logged no \`limiter-paused\` event: when the response to the ${limit}th request of a window
says \`X-HubSpot-RateLimit-Remaining: 0\`, the limiter's own count already holds the next request, so it
does not pause for a whole window on top.
`
}`;
}

const acquireLabels = {
  'redis-incr': '`INCR` (ioredis)',
  patchbay: 'Patchbay `RedisLimiterStore`',
  'rate-limiter-flexible': '`rate-limiter-flexible`',
  bottleneck: '`bottleneck`',
};

function redisSection(results) {
  const acquisitionRows = [];
  for (const [processes, libraries] of Object.entries(results.acquisitions)) {
    for (const row of summarizeAcquisitions(libraries)) {
      acquisitionRows.push([
        processes,
        acquireLabels[row.library] ?? row.library,
        range(row.perSecond),
        ratio(row.ratio),
      ]);
    }
  }
  const { rolling } = results.settings;
  const ideal = Math.floor((rolling.requests - 1) / rolling.limit) * rolling.windowMs;
  const patchbay = summarizeRateLimit(results.rolling['patchbay-redis']);
  const rollingRows = Object.entries(results.rolling).map(([library, runs]) => {
    const summary = summarizeRateLimit(runs);
    return [
      rollingLibraries[library],
      range(summary.fraction, 3),
      range(summary.tooManyRequests),
      range(summary.spanSeconds, 2),
    ];
  });
  return `## Redis

Redis ${results.redisVersion} at ${results.redisUrl.replace(/\/\/.*@/, '//')}, on the same machine. Each run uses its own key prefix and
deletes its keys afterwards. ${rounds(results.settings.rounds)}, libraries interleaved.

**Acquisitions per second.** Each process runs ${results.settings.inFlight} loops that acquire (and release, where the
library has a release) as fast as they can, for ${num(results.settings.durationMs)} ms, at a limit none of them
reaches. Several processes start together and the rate is their sum. The baseline is
one \`INCR\` per acquisition through ioredis, the round trip any Redis-backed limiter pays at least
once. Patchbay: \`RateLimiter\` with a \`RedisLimiterStore\` (a sliding window: a Lua script to
reserve, another when the request completes). \`rate-limiter-flexible\`: \`RateLimiterRedis.consume\`
(one Lua script, a fixed window). \`bottleneck\`: \`schedule\` with the \`ioredis\` datastore.

${table(['processes', 'library', 'acquisitions/s', '× `INCR`'], acquisitionRows)}

**Shared limit across processes.** ${rolling.processes} processes share one token against the rolling-window server
set to ${rolling.limit} requests per ${num(rolling.windowMs)} ms and send ${rolling.requests} requests in all (${rolling.requests / rolling.processes} each), as fast as the
shared limiter allows. The ideal is ${num(ideal / 1000)} s from first to last arrival, as above. \`rate-limiter-flexible\`
waits \`msBeforeNext\` after a rejected \`consume\`, and \`bottleneck\` uses \`reservoir: ${rolling.limit}\` refreshed every
${rolling.windowMs} ms, shared through Redis.

${table(['limiter', 'fraction of ideal', '429s per run', 'first to last arrival, s'], rollingRows)}

At each window boundary, Patchbay's request *k* × ${rolling.limit} + 1 arrived a median of ${num(patchbay.boundaryLossMs.median, 1)} ms (range
${num(patchbay.boundaryLossMs.min, 1)}–${num(patchbay.boundaryLossMs.max, 1)} ms) later than one window after request (*k* − 1) × ${rolling.limit} + 1. As in the single-process case,
a request counts until one window plus the 10 ms margin after its response, and here every
start also waits for the Redis scripts that reserve and confirm its slot.
`;
}

export function renderMarkdown(results) {
  const targets = evaluateTargets(results.suites);
  const { suites } = results;
  const sections = [header(results), method(), targetsSection(targets)];
  if (suites.overhead) sections.push(overheadSection(suites.overhead, targets));
  if (suites.rateLimit) sections.push(rateLimitSection(suites.rateLimit));
  if (suites.webhooks) sections.push(webhookSection(suites.webhooks, targets));
  if (suites.memory) sections.push(memorySection(suites.memory));
  if (suites.leadSync) sections.push(leadSyncSection(suites.leadSync));
  if (suites.redis) sections.push(redisSection(suites.redis));
  return `${sections
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
