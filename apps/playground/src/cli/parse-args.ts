import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PlaygroundConfigError } from '../services/run-mode.js';

export interface CliOptions {
  csvPath: string;
  mappingPath: string | undefined;
  chaos: boolean;
  live: boolean;
  allowLiveStripe: boolean;
  redisUrl: string | undefined;
  reportDir: string;
  seed: number;
  /** Port of the webhook server; 0 picks a free one. */
  webhookPort: number;
  /** True to serve the dashboard instead of running once. */
  ui: boolean;
  /** Port of the dashboard. Undefined tries 4173, then a free port. */
  uiPort: number | undefined;
  help: boolean;
}

export const usage = `Usage: npm run demo -- [options]

Runs the lead-to-cash workflows: leads from a CSV into HubSpot, won deals invoiced through Stripe,
payment outcomes back into HubSpot by signed webhooks. Uses embedded fakes unless --live is given.

Options:
  --csv PATH             CSV of leads to sync (default: the bundled sample of 1,200 leads)
  --mapping FILE         JSON mapping of lead fields to your CSV's header names,
                         for example {"email": "Work Mail", "firstName": "Given name"}
  --chaos                make the fakes inject 429 bursts, 5xx, connection resets and slow responses
  --live                 use the real APIs: needs HUBSPOT_ACCESS_TOKEN, STRIPE_SECRET_KEY and
                         STRIPE_WEBHOOK_SECRET (test-mode Stripe keys only, unless --allow-live-stripe)
  --allow-live-stripe    accept a live-mode Stripe key with --live (charges real cards)
  --redis URL            keep rate limits and webhook dedup in Redis, for example redis://127.0.0.1:6379
  --report-dir DIR       where the JSON and Markdown reports go (default: apps/playground/reports)
  --seed N               seed of the fakes' ids, faults and duplicate webhooks (default: 7)
  --webhook-port N       port of the webhook server on 127.0.0.1 (default: a free port); with --live,
                         forward Stripe events to it, e.g. stripe listen --forward-to
                         http://127.0.0.1:N/webhooks/stripe
  --ui                   serve a dashboard on 127.0.0.1 that starts runs and shows them live;
                         --csv, --chaos and --seed set the form's initial values
  --ui-port N            port of the dashboard (default: 4173 when free, otherwise a free port)
  --help                 show this text`;

/** Parses the demo's arguments; relative paths are taken from the directory the command ran in. */
export function parseCliArgs(argv: string[], invokedFrom: string, packageDir: string): CliOptions {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        csv: { type: 'string' },
        mapping: { type: 'string' },
        chaos: { type: 'boolean', default: false },
        live: { type: 'boolean', default: false },
        'allow-live-stripe': { type: 'boolean', default: false },
        redis: { type: 'string' },
        'report-dir': { type: 'string' },
        seed: { type: 'string' },
        'webhook-port': { type: 'string' },
        ui: { type: 'boolean', default: false },
        'ui-port': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new PlaygroundConfigError(`${(error as Error).message}\n\n${usage}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const path = (value: string | boolean | undefined) =>
    typeof value === 'string' ? (isAbsolute(value) ? value : resolve(invokedFrom, value)) : undefined;
  const seedText = typeof values.seed === 'string' ? values.seed : '7';
  const seed = Number(seedText);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new PlaygroundConfigError(`--seed must be a whole number >= 0; received "${seedText}".`);
  const redisUrl = typeof values.redis === 'string' ? values.redis : undefined;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new PlaygroundConfigError(`--redis must be a redis:// or rediss:// URL; received "${redisUrl}".`);
  }
  const portText = typeof values['webhook-port'] === 'string' ? values['webhook-port'] : '0';
  const webhookPort = Number(portText);
  if (!Number.isSafeInteger(webhookPort) || webhookPort < 0 || webhookPort > 65_535) {
    throw new PlaygroundConfigError(
      `--webhook-port must be a port number from 0 to 65535; received "${portText}".`,
    );
  }
  const uiPort = parsePort(values['ui-port'], '--ui-port');
  if (uiPort !== undefined && !values.ui)
    throw new PlaygroundConfigError('--ui-port only makes sense with --ui.');
  if (values['allow-live-stripe'] && !values.live)
    throw new PlaygroundConfigError('--allow-live-stripe only makes sense with --live.');
  return {
    csvPath: path(values.csv) ?? resolve(packageDir, 'data/leads.csv'),
    mappingPath: path(values.mapping),
    chaos: values.chaos === true,
    live: values.live === true,
    allowLiveStripe: values['allow-live-stripe'] === true,
    redisUrl,
    reportDir: path(values['report-dir']) ?? resolve(packageDir, 'reports'),
    seed,
    webhookPort,
    ui: values.ui === true,
    uiPort,
    help: values.help === true,
  };
}

function parsePort(value: string | boolean | undefined, option: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  const port = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(port) || port < 0 || port > 65_535) {
    throw new PlaygroundConfigError(`${option} must be a port number from 0 to 65535; received "${value}".`);
  }
  return port;
}
