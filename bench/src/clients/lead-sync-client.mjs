// Syncs generated leads into the HubSpot fake with one Patchbay HubSpot client at the fake's
// limit, in its own process. `--workflow playground` runs the playground's runLeadSync from the
// esbuild bundle. `--workflow reproduced` sends the same request pattern with the client directly.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createHubSpotClient, defaultDealKeyProperty } from '@patchbay/hubspot';
import { nowMs } from '../lib/clock.mjs';
import { printResult } from '../lib/processes.mjs';

const { values } = parseArgs({
  options: {
    workflow: { type: 'string', default: 'playground' },
    bundle: { type: 'string' },
    url: { type: 'string' },
    csv: { type: 'string' },
  },
});

const silentProgress = {
  step: () => ({ advance: () => {}, done: () => {} }),
  line: () => {},
};

function countEvents(hubspot) {
  const counts = { retries: 0, rateLimitedWaits: 0, pauses: [] };
  hubspot.events.on('retry', () => {
    counts.retries += 1;
  });
  hubspot.events.on('rate-limited', () => {
    counts.rateLimitedWaits += 1;
  });
  hubspot.events.on('limiter-paused', (event) => {
    counts.pauses.push({ atMs: nowMs(), untilMs: event.untilMs, reason: event.reason });
  });
  return counts;
}

async function runPlayground(hubspot, csv) {
  const playground = await import(values.bundle);
  const { leads } = playground.readLeadsCsv(csv);
  const startedAt = nowMs();
  const result = await playground.runLeadSync({
    hubspot,
    leads,
    qualifier: playground.ruleBasedQualifier,
    progress: silentProgress,
  });
  return {
    startedAt,
    leads: leads.length,
    contacts: {
      created: result.contacts.created,
      updated: result.contacts.updated,
      failed: result.contacts.failed.length,
    },
    deals: {
      created: result.deals.created,
      updated: result.deals.updated,
      lineItems: result.deals.lineItemsCreated,
      failed: result.deals.failed.length,
    },
    tiers: result.tiers,
  };
}

/** Sends the playground's request pattern with the client directly: contacts, then deals of qualified leads. */
async function runReproduced(hubspot, csv) {
  const [, ...rows] = csv.trim().split('\r\n');
  const leads = rows.map((row) => {
    const cells = row.split(',');
    return { email: cells[2], firstName: cells[0], lastName: cells[1], title: cells[6] };
  });
  const startedAt = nowMs();
  const emails = leads.map((lead) => lead.email);
  await hubspot.contacts.batch.read(emails, { idProperty: 'email', properties: ['email'] });
  const contacts = await hubspot.contacts.batch.upsert(
    leads.map((lead) => ({
      id: lead.email,
      properties: { firstname: lead.firstName, lastname: lead.lastName },
    })),
    { idProperty: 'email', concurrency: 2 },
  );
  const contactIds = new Map(contacts.results.map((item) => [item.input.id, item.value.id]));
  const qualified = leads.filter((lead) => /CEO|VP|Director/.test(lead.title) && contactIds.has(lead.email));

  await hubspot.deals.ensureDealKeyProperty();
  const { pipeline } = await hubspot.pipelines.resolveStage('Qualified To Buy');
  const keys = qualified.map((lead) => `${contactIds.get(lead.email)}:${pipeline.id}`);
  await hubspot.deals.batch.read(keys, { idProperty: defaultDealKeyProperty, properties: ['dealstage'] });
  const deals = await hubspot.deals.batch.upsert(
    qualified.map((lead, index) => ({
      id: keys[index],
      properties: { dealname: `${lead.email} - 10 seats`, amount: 2400, pipeline: pipeline.id },
    })),
    { idProperty: defaultDealKeyProperty, concurrency: 2 },
  );
  const dealIds = deals.results.map((item) => item.value.id);
  await hubspot.associations.batchCreate(
    'deals',
    'contacts',
    deals.results.map((item) => ({
      fromId: item.value.id,
      toId: contactIds.get(qualified[item.index].email),
    })),
  );
  const lineItems = await hubspot.lineItems.batch.create(
    dealIds.map((dealId) => ({
      properties: { name: 'Patchbay platform, annual seat', quantity: 10, price: 240 },
      associateWith: [{ objectType: 'deals', id: dealId }],
    })),
    { concurrency: 2 },
  );
  await hubspot.deals.batch.read(dealIds, { properties: ['dealstage'] });
  return {
    startedAt,
    leads: leads.length,
    contacts: { created: contacts.results.length, updated: 0, failed: contacts.errors.length },
    deals: {
      created: dealIds.length,
      updated: 0,
      lineItems: lineItems.results.length,
      failed: deals.errors.length,
    },
  };
}

const csv = readFileSync(values.csv, 'utf8');
// The fake's limit is HubSpot Free's, which is also this client's default tier.
const hubspot = createHubSpotClient({ accessToken: 'pat-na1-bench', baseUrl: values.url, tier: 'free' });
const counts = countEvents(hubspot);
const outcome =
  values.workflow === 'playground' ? await runPlayground(hubspot, csv) : await runReproduced(hubspot, csv);
const finishedAt = nowMs();
await hubspot.close();
printResult({ workflow: values.workflow, ...outcome, finishedAt, limits: hubspot.limits, events: counts });
process.exit(0);
