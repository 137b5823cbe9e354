// Runs every measurement and writes results/latest.json and ../BENCHMARKS.md. Run through the
// root script `pnpm bench`, which builds the packages first, so clients load the built dist.
//   node src/run-bench.mjs [--profile full|smoke] [--only overhead,rateLimit,...] [--out FILE]
//                          [--markdown FILE | --no-markdown]
//   node src/run-bench.mjs --render-from FILE [--markdown FILE]   (renders without measuring)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine, describeSource, fingerprintBuild, libraryVersions } from './lib/machine.mjs';
import { settings } from './lib/settings.mjs';
import { renderMarkdown } from './report/render-markdown.mjs';
import { runClientOverhead } from './suites/client-overhead.mjs';
import { runLeadSync } from './suites/lead-sync.mjs';
import { runMemory } from './suites/memory.mjs';
import { runRateLimit } from './suites/rate-limit.mjs';
import { checkRedis, runRedis } from './suites/redis.mjs';
import { runWebhooks } from './suites/webhooks.mjs';

const suites = {
  overhead: runClientOverhead,
  rateLimit: runRateLimit,
  webhooks: runWebhooks,
  memory: runMemory,
  leadSync: runLeadSync,
  redis: runRedis,
};

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'full' },
    only: { type: 'string' },
    out: { type: 'string', default: fileURLToPath(new URL('../results/latest.json', import.meta.url)) },
    markdown: { type: 'string', default: fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url)) },
    'no-markdown': { type: 'boolean', default: false },
    'render-from': { type: 'string' },
  },
});

if (values['render-from']) {
  writeFileSync(values.markdown, renderMarkdown(JSON.parse(readFileSync(values['render-from'], 'utf8'))));
  process.stdout.write(`wrote ${values.markdown} from ${values['render-from']}\n`);
  process.exit(0);
}

const profile = settings[values.profile];
if (!profile) throw new Error(`--profile must be one of ${Object.keys(settings).join(', ')}.`);
const selected = values.only ? values.only.split(',') : Object.keys(suites);
for (const name of selected) {
  if (!suites[name]) throw new Error(`Unknown suite ${name}; use ${Object.keys(suites).join(', ')}.`);
}

if (selected.includes('redis')) await checkRedis();

const startedAt = Date.now();
const log = (message) => {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${seconds} s] ${message}\n`);
};

const results = {
  command: 'pnpm bench',
  profile: values.profile,
  startedAt: new Date(startedAt).toISOString(),
  machine: describeMachine(),
  source: describeSource(),
  versions: libraryVersions(),
  build: { atStart: fingerprintBuild() },
  suites: {},
};
for (const name of selected) {
  log(`${name}: starting`);
  results.suites[name] = await suites[name](profile[name], log);
}
results.durationSeconds = Math.round((Date.now() - startedAt) / 1000);
results.build.atEnd = fingerprintBuild();
results.loadAverageAtEnd = describeMachine().loadAverage;

mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${values.out}`);
if (!values['no-markdown']) {
  writeFileSync(values.markdown, renderMarkdown(results));
  log(`wrote ${values.markdown}`);
}
