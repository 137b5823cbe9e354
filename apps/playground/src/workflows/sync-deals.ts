import { defaultDealKeyProperty, type HubSpotClient } from '@patchbay/hubspot';
import type { Lead } from '../leads/lead.js';
import type { Qualification } from '../leads/qualify.js';
import type { ProgressSink } from '../run/progress.js';
import { dealAmount, dealLinesFor, demoPipelineLabel, stageForTier } from './demo-pipeline.js';

/** A qualified lead whose contact exists in HubSpot. */
export interface DealCandidate {
  lead: Lead;
  qualification: Qualification;
  contactId: string;
}

export interface DealSyncResult {
  created: number;
  updated: number;
  /** Deal id by lower-case contact email. */
  idsByEmail: Map<string, string>;
  /** Deals per stage label, as this run left them. */
  byStage: Record<string, number>;
  lineItemsCreated: number;
  failed: Array<{ email: string; lines: number[]; error: string }>;
}

function message(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

/**
 * Creates or updates one deal per qualified lead, keyed by `<contactId>:<pipelineId>` in a unique
 * property and written with batch upsert, so a retried or repeated run never duplicates a deal.
 * New deals get their stage from the tier and their line items; existing deals keep their stage.
 */
export async function syncDeals(
  hubspot: HubSpotClient,
  candidates: readonly DealCandidate[],
  progress: ProgressSink,
): Promise<DealSyncResult> {
  const result: DealSyncResult = {
    created: 0,
    updated: 0,
    idsByEmail: new Map(),
    byStage: {},
    lineItemsCreated: 0,
    failed: [],
  };
  if (candidates.length === 0) return result;
  await hubspot.deals.ensureDealKeyProperty();
  const pipeline = (
    await hubspot.pipelines.resolveStage(stageForTier('B') as string, { pipeline: demoPipelineLabel })
  ).pipeline;

  const keys = candidates.map((candidate) => `${candidate.contactId}:${pipeline.id}`);
  const existing = await hubspot.deals.batch.read(keys, {
    idProperty: defaultDealKeyProperty,
    properties: [defaultDealKeyProperty, 'dealstage'],
  });
  const existingKeys = new Set(existing.results.map((item) => item.input));

  const step = progress.step('Upserting deals', candidates.length);
  const inputs = candidates.map((candidate, index) => {
    const lines = dealLinesFor(candidate.lead);
    const stageLabel = stageForTier(candidate.qualification.tier) as string;
    const stageId = pipeline.stages.find((stage) => stage.label === stageLabel)?.id;
    const properties: Record<string, string | number> = {
      dealname: `${candidate.lead.company ?? candidate.lead.domain ?? candidate.lead.email} - ${lines[0]?.quantity ?? 0} seats`,
      amount: dealAmount(lines),
      pipeline: pipeline.id,
      description: `Lead score ${candidate.qualification.score}: ${candidate.qualification.reason}`,
    };
    if (!existingKeys.has(keys[index] as string) && stageId) properties.dealstage = stageId;
    return { id: keys[index] as string, properties };
  });
  const upserted = await hubspot.deals.batch.upsert(inputs, {
    idProperty: defaultDealKeyProperty,
    concurrency: 2,
  });

  const newDeals: Array<{ candidate: DealCandidate; dealId: string }> = [];
  for (const item of upserted.results) {
    const candidate = candidates[item.index] as DealCandidate;
    result.idsByEmail.set(candidate.lead.email, item.value.id);
    const isNew = !existingKeys.has(item.input.id);
    if (isNew) {
      result.created += 1;
      newDeals.push({ candidate, dealId: item.value.id });
    } else {
      result.updated += 1;
    }
    step.advance();
  }
  for (const failure of upserted.errors) {
    const candidate = failure.index === undefined ? undefined : candidates[failure.index];
    result.failed.push({
      email: candidate?.lead.email ?? String(failure.id),
      lines: candidate?.lead.lines ?? [],
      error: message(failure.error),
    });
    step.advance();
  }
  step.done(`${result.created} created, ${result.updated} updated, ${result.failed.length} failed`);

  await linkContacts(hubspot, candidates, result);
  await addLineItems(hubspot, newDeals, progress, result);
  await countStages(hubspot, [...result.idsByEmail.values()], pipeline.stages, result);
  return result;
}

async function linkContacts(
  hubspot: HubSpotClient,
  candidates: readonly DealCandidate[],
  result: DealSyncResult,
): Promise<void> {
  const pairs = candidates.flatMap((candidate) => {
    const dealId = result.idsByEmail.get(candidate.lead.email);
    return dealId ? [{ fromId: dealId, toId: candidate.contactId }] : [];
  });
  // Linking the same pair again is a no-op in HubSpot, so this step is safe to repeat.
  await hubspot.associations.batchCreate('deals', 'contacts', pairs);
}

interface LineItemInput {
  dealId: string;
  properties: { name: string; quantity: number; price: number };
  associateWith: Array<{ objectType: 'deals'; id: string }>;
}

/** Rounds of create-then-read-back before a deal's missing line items are reported as failed. */
const lineItemRounds = 3;

/**
 * Creates the line items of new deals. Batch create is not idempotent, so a chunk that failed is
 * not blindly resent: the deals it touched have their line items read back, and only the lines
 * still missing, by name, are created in the next round. A deal still missing lines after
 * {@link lineItemRounds} rounds, or whose lines cannot be read back, is added to `result.failed`.
 */
async function addLineItems(
  hubspot: HubSpotClient,
  deals: ReadonlyArray<{ candidate: DealCandidate; dealId: string }>,
  progress: ProgressSink,
  result: DealSyncResult,
): Promise<void> {
  const step = progress.step('Adding line items', deals.length);
  const expected = new Map<string, LineItemInput[]>();
  for (const { candidate, dealId } of deals) {
    expected.set(
      dealId,
      dealLinesFor(candidate.lead).map((line) => ({
        dealId,
        properties: { name: line.name, quantity: line.quantity, price: line.price },
        associateWith: [{ objectType: 'deals' as const, id: dealId }],
      })),
    );
  }

  let pending = [...expected.values()].flat();
  const total = pending.length;
  let unresolved: LineItemInput[] = [];
  let lastError = '';
  for (let round = 1; pending.length > 0; round += 1) {
    const created = await hubspot.lineItems.batch.create(pending, { concurrency: round === 1 ? 2 : 1 });

    const unsure = new Set<string>();
    for (const failure of created.errors) {
      lastError = message(failure.error);
      // An error that names no input could belong to any deal of this round.
      const inputs = failure.index === undefined ? pending : [pending[failure.index]];
      for (const input of inputs) if (input) unsure.add(input.dealId);
    }
    for (const chunk of created.failedChunks) {
      lastError = message(chunk.error);
      for (const input of pending.slice(chunk.start, chunk.end)) unsure.add(input.dealId);
    }
    if (unsure.size === 0) break;

    const missing = await missingLineItems(hubspot, [...unsure], expected).catch((error: unknown) => {
      lastError = message(error);
      return undefined;
    });
    if (missing === undefined) {
      // Creating lines without knowing which exist could duplicate them, so these deals are reported.
      unresolved = [...unsure].flatMap((dealId) => expected.get(dealId) ?? []);
      reportLineItemFailures(
        deals,
        unresolved,
        `its line items could not be read back: ${lastError}`,
        result,
      );
      break;
    }
    pending = missing;
    if (pending.length > 0 && round >= lineItemRounds) {
      unresolved = pending;
      reportLineItemFailures(deals, pending, `still missing after ${round} attempts: ${lastError}`, result);
      break;
    }
  }
  // Lines written by a request whose response was lost count too: the read-back found them.
  result.lineItemsCreated = total - unresolved.length;
  step.done(`${result.lineItemsCreated} line items on ${deals.length} new deals`);
}

/** Reads the line items linked to `dealIds` and returns the expected ones not among them, by name. */
async function missingLineItems(
  hubspot: HubSpotClient,
  dealIds: string[],
  expected: ReadonlyMap<string, LineItemInput[]>,
): Promise<LineItemInput[]> {
  const linked = await hubspot.associations.batchRead('deals', 'line_items', dealIds);
  const lineItemIds = [...linked.values()].flat().map((link) => String(link.toObjectId));
  const read = await hubspot.lineItems.batch.read(lineItemIds, { properties: ['name'] });
  if (read.failedChunks.length > 0) throw read.failedChunks[0]?.error;
  const nameById = new Map(read.results.map((item) => [item.value.id, item.value.properties.name ?? '']));

  const missing: LineItemInput[] = [];
  for (const dealId of dealIds) {
    const existing = (linked.get(dealId) ?? []).map((link) => nameById.get(String(link.toObjectId)));
    for (const line of expected.get(dealId) ?? []) {
      const position = existing.indexOf(line.properties.name);
      if (position === -1) missing.push(line);
      else existing.splice(position, 1);
    }
  }
  return missing;
}

/** Adds one `result.failed` entry per deal with lines in `lines`, naming the lines and the reason. */
function reportLineItemFailures(
  deals: ReadonlyArray<{ candidate: DealCandidate; dealId: string }>,
  lines: readonly LineItemInput[],
  reason: string,
  result: DealSyncResult,
): void {
  for (const { candidate, dealId } of deals) {
    const names = lines.filter((line) => line.dealId === dealId).map((line) => line.properties.name);
    if (names.length === 0) continue;
    result.failed.push({
      email: candidate.lead.email,
      lines: candidate.lead.lines,
      error: `line items of deal ${dealId} (${names.join(', ')}): ${reason}`,
    });
  }
}

async function countStages(
  hubspot: HubSpotClient,
  dealIds: string[],
  stages: ReadonlyArray<{ id: string; label: string }>,
  result: DealSyncResult,
): Promise<void> {
  // Every deal write is done by now, so four chunks at once only shorten the run.
  const read = await hubspot.deals.batch.read(dealIds, { properties: ['dealstage'], concurrency: 4 });
  for (const item of read.results) {
    const label =
      stages.find((stage) => stage.id === item.value.properties.dealstage)?.label ??
      String(item.value.properties.dealstage);
    result.byStage[label] = (result.byStage[label] ?? 0) + 1;
  }
}
