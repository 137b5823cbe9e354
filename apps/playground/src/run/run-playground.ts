import { readFile } from 'node:fs/promises';
import { type Logger, silentLogger } from '@patchbay/core';
import { createHubSpotClient } from '@patchbay/hubspot';
import { RedisDedupStore, RedisLimiterStore } from '@patchbay/redis';
import { createStripeClient } from '@patchbay/stripe';
import type { ReceiveResult } from '@patchbay/webhooks';
import { mappingFileSchema } from '../leads/column-mapping.js';
import { type Qualifier, ruleBasedQualifier } from '../leads/qualify.js';
import { type LeadFile, readLeadsCsv } from '../leads/read-leads-csv.js';
import type { RunReport } from '../report/run-report.js';
import { PlaygroundConfigError, readLiveCredentials } from '../services/run-mode.js';
import { type RunningFakes, startFakes } from '../services/start-fakes.js';
import { listenOnLoopback, serverUrl, startWebhookServer } from '../webhooks/webhook-server.js';
import { isWon } from '../workflows/demo-pipeline.js';
import { runInvoicing, type WonDeal } from '../workflows/invoicing.js';
import { runLeadSync } from '../workflows/lead-sync.js';
import { accountForRows } from './account-for-rows.js';
import { trackHttp } from './http-metrics.js';
import { checkIntegrity } from './integrity.js';
import type { ProgressSink } from './progress.js';

export interface PlaygroundOptions {
  csvPath: string;
  mappingPath?: string | undefined;
  chaos?: boolean;
  live?: boolean;
  allowLiveStripe?: boolean;
  redisUrl?: string | undefined;
  /** @default 7 */
  seed?: number;
  /** Port of the webhook server on 127.0.0.1. @default a free port */
  webhookPort?: number;
  progress: ProgressSink;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  qualifier?: Qualifier;
  /** Sees every HubSpot and Stripe client event and every webhook result, for the dashboard. */
  observe?: {
    client?: (service: 'hubspot' | 'stripe', name: string, event: unknown) => void;
    webhook?: (source: 'stripe' | 'hubspot', result: ReceiveResult) => void;
    /** Called as each workflow starts, before the progress steps it reports. */
    workflow?: (workflow: 'lead-sync' | 'invoicing') => void;
  };
}

/**
 * Each client's circuit breaker: eight failed attempts in a row (server errors, resets, timeouts)
 * stop requests for 3 s, then one probe tests the service. Chaos faults hit about one request in
 * ten, so eight in a row stays rare enough not to stop a demo run.
 */
const demoBreaker = { failureThreshold: 8, openMs: 3000 };

/** The Stripe API version the playground pins, as every Stripe integration should. */
export const stripeApiVersion = '2026-07-29.dahlia';

async function readInputs(options: PlaygroundOptions): Promise<LeadFile> {
  let csv: string;
  try {
    csv = await readFile(options.csvPath, 'utf8');
  } catch (error) {
    throw new PlaygroundConfigError(
      `Cannot read the CSV at ${options.csvPath} (${(error as NodeJS.ErrnoException).code ?? String(error)}); pass --csv with the path of a readable CSV file.`,
    );
  }
  let mapping: Record<string, string> | undefined;
  if (options.mappingPath) {
    let text: string;
    try {
      text = await readFile(options.mappingPath, 'utf8');
    } catch (error) {
      throw new PlaygroundConfigError(
        `Cannot read the mapping file at ${options.mappingPath} (${(error as NodeJS.ErrnoException).code ?? String(error)}); pass --mapping with a JSON file.`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new PlaygroundConfigError(
        `The mapping file ${options.mappingPath} is not valid JSON (${(error as Error).message}); it should look like {"email": "Work Mail", "firstName": "Given name"}.`,
      );
    }
    const parsed = mappingFileSchema.safeParse(json);
    if (!parsed.success) {
      throw new PlaygroundConfigError(
        `The mapping file ${options.mappingPath} is invalid: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.`,
      );
    }
    mapping = parsed.data;
  }
  try {
    return readLeadsCsv(csv, mapping);
  } catch (error) {
    throw new PlaygroundConfigError(`${options.csvPath}: ${(error as Error).message}`);
  }
}

/**
 * Runs both workflows end to end: lead sync from the CSV into HubSpot, then invoicing of the won
 * deals through Stripe, with payment outcomes arriving as signed webhooks. On the embedded fakes
 * by default; on the real APIs with `live`.
 */
export async function runPlayground(options: PlaygroundOptions): Promise<RunReport> {
  const startedAt = new Date();
  const logger = options.logger ?? silentLogger;
  const progress = options.progress;
  const file = await readInputs(options);
  const credentials = options.live
    ? readLiveCredentials(options.env ?? process.env, options.allowLiveStripe ?? false)
    : undefined;

  const server = await listenOnLoopback(options.webhookPort ?? 0).catch((error: NodeJS.ErrnoException) => {
    throw new PlaygroundConfigError(
      `The webhook server cannot listen on 127.0.0.1:${options.webhookPort} (${error.code ?? error.message}); pick another --webhook-port.`,
    );
  });
  let fakes: RunningFakes | undefined;
  // The fakes start empty and reuse their seeded ids on every run, so a run on them keeps its own
  // Redis keys; a live run shares the default prefix with every other process of the account.
  const keyPrefix = credentials ? 'patchbay:' : `patchbay:playground:${startedAt.getTime()}:`;
  const redisStores = options.redisUrl
    ? {
        limiter: new RedisLimiterStore({ redis: options.redisUrl, keyPrefix, logger }),
        dedup: new RedisDedupStore({ redis: options.redisUrl, keyPrefix }),
      }
    : undefined;
  try {
    if (!credentials)
      fakes = await startFakes({
        webhookUrl: serverUrl(server),
        chaos: options.chaos ?? false,
        seed: options.seed ?? 7,
      });
    progress.line(
      fakes
        ? `HubSpot fake at ${fakes.hubspotUrl}, Stripe fake at ${fakes.stripeUrl}, webhooks at ${serverUrl(server)}`
        : `Live run; webhooks at ${serverUrl(server)}`,
    );

    const hubspot = createHubSpotClient({
      accessToken: credentials?.hubspotAccessToken ?? 'pat-playground-fake-token',
      baseUrl: fakes?.hubspotUrl,
      tier: 'professional',
      limiterStore: redisStores?.limiter,
      breaker: demoBreaker,
      logger,
    });
    const stripe = createStripeClient({
      apiKey: credentials?.stripeSecretKey ?? 'sk_test_playground_fake_key',
      apiVersion: stripeApiVersion,
      baseUrl: fakes?.stripeUrl,
      limiterStore: redisStores?.limiter,
      breaker: demoBreaker,
      logger,
    });
    const http = { hubspot: trackHttp(hubspot.events), stripe: trackHttp(stripe.events) };
    if (options.observe?.client) observeClients(options.observe.client, { hubspot, stripe });

    const webhooks = startWebhookServer({
      server,
      hubspot,
      stripeWebhookSecret:
        fakes?.stripeWebhookSecret ?? (credentials as { stripeWebhookSecret: string }).stripeWebhookSecret,
      hubspotClientSecret:
        fakes?.hubspotClientSecret ?? credentials?.hubspotClientSecret ?? 'no-hubspot-webhooks-in-live-mode',
      dedupStore: redisStores?.dedup,
      logger,
      onResult: options.observe?.webhook,
    });

    progress.line(
      `Read ${file.rowsRead} rows from ${options.csvPath}: ${file.leads.length} leads, ${file.rejected.length} rejected, ${file.merged.length} merged duplicates`,
    );
    options.observe?.workflow?.('lead-sync');
    const sync = await runLeadSync({
      hubspot,
      leads: file.leads,
      qualifier: options.qualifier ?? ruleBasedQualifier,
      progress,
    });
    if (fakes) await fakes.hubspot.webhooks.flush();

    const won: WonDeal[] = sync.qualified.flatMap(({ lead, qualification }) => {
      const dealId = sync.deals.idsByEmail.get(lead.email);
      const contactId = sync.contacts.idsByEmail.get(lead.email);
      return dealId && contactId && isWon(lead, qualification)
        ? [{ lead, qualification, dealId, contactId }]
        : [];
    });
    options.observe?.workflow?.('invoicing');
    const invoicing = await runInvoicing({
      hubspot,
      stripe,
      won,
      outcomes: webhooks.outcomes,
      progress,
      settleWithTestCards: !credentials || credentials.stripeSecretKey.includes('_test_'),
    });
    if (fakes) await fakes.stripe.webhooks.idle();

    const finalDeals = await hubspot.deals.batch.read([...sync.deals.idsByEmail.values()], {
      properties: ['dealstage'],
    });
    const pipeline = await hubspot.pipelines.resolvePipeline('Patchbay Demo Pipeline');
    const byStage: Record<string, number> = {};
    for (const item of finalDeals.results) {
      const label =
        pipeline.stages.find((stage) => stage.id === item.value.properties.dealstage)?.label ??
        String(item.value.properties.dealstage);
      byStage[label] = (byStage[label] ?? 0) + 1;
    }

    const integrity = fakes ? checkIntegrity(fakes.hubspot, fakes.stripe) : undefined;
    const report: RunReport = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      elapsedMs: Date.now() - startedAt.getTime(),
      mode: fakes ? 'fakes' : 'live',
      chaos: options.chaos ?? false,
      redis: redisStores !== undefined,
      csv: options.csvPath,
      rows: {
        read: file.rowsRead,
        accepted: file.leads.length,
        rejected: file.rejected,
        merged: file.merged,
        blankLines: file.blankLines,
      },
      qualification: { qualifier: sync.qualifier, tiers: sync.tiers },
      contacts: {
        created: sync.contacts.created,
        updated: sync.contacts.updated,
        failed: sync.contacts.failed,
      },
      deals: {
        created: sync.deals.created,
        updated: sync.deals.updated,
        lineItemsCreated: sync.deals.lineItemsCreated,
        byStage,
        failed: sync.deals.failed,
      },
      history: sync.history,
      invoices: {
        dealsWon: invoicing.dealsWon,
        customersCreated: invoicing.customersCreated,
        customersFound: invoicing.customersFound,
        sent: invoicing.invoicesSent,
        paid: invoicing.paid,
        paymentFailed: invoicing.paymentFailed,
        awaitingOutcome: invoicing.awaitingOutcome.length,
        alreadyBilled: invoicing.alreadyBilled,
        failed: invoicing.failed,
      },
      webhooks: {
        stripe: webhooks.stats.stripe,
        hubspot: webhooks.stats.hubspot,
        contactCreationEvents: webhooks.createdContacts.size,
      },
      http,
      integrity,
      everyRowAccountedFor: false,
      problems: [],
    };
    accountForRows(report, file, sync);
    await Promise.all([hubspot.close(), stripe.close()]);
    return report;
  } finally {
    await fakes?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await redisStores?.limiter.close();
    await redisStores?.dedup.close();
  }
}

function observeClients(
  observe: (service: 'hubspot' | 'stripe', name: string, event: unknown) => void,
  clients: {
    hubspot: { events: import('@patchbay/core').EventBus<import('@patchbay/core').ClientEvents> };
    stripe: { events: import('@patchbay/core').EventBus<import('@patchbay/core').ClientEvents> };
  },
): void {
  const names = [
    'request',
    'response',
    'retry',
    'error',
    'rate-limited',
    'limiter-usage',
    'limiter-paused',
    'breaker-state',
  ] as const;
  for (const service of ['hubspot', 'stripe'] as const) {
    for (const name of names) clients[service].events.on(name, (event) => observe(service, name, event));
  }
}
