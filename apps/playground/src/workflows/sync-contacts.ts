import type { HubSpotClient } from '@patchbay/hubspot';
import type { Lead } from '../leads/lead.js';
import type { Qualification } from '../leads/qualify.js';
import type { ProgressSink } from '../run/progress.js';

export interface ContactSyncResult {
  created: number;
  updated: number;
  /** HubSpot contact id by lower-case email. */
  idsByEmail: Map<string, string>;
  failed: Array<{ email: string; lines: number[]; error: string }>;
}

function contactProperties(lead: Lead, qualification: Qualification): Record<string, string> {
  const properties: Record<string, string | undefined> = {
    email: lead.email,
    firstname: lead.firstName,
    lastname: lead.lastName,
    phone: lead.phone,
    company: lead.company,
    website: lead.website,
    jobtitle: lead.jobTitle,
    lifecyclestage: qualification.tier === 'A' || qualification.tier === 'B' ? 'salesqualifiedlead' : 'lead',
    hs_lead_status: qualification.tier === 'disqualified' ? 'UNQUALIFIED' : 'NEW',
  };
  return Object.fromEntries(
    Object.entries(properties).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

/**
 * Upserts every lead as a contact keyed by email, 100 per request, the fewest requests HubSpot
 * allows. Created and updated are counted from the `new` flag of each upsert result.
 */
export async function syncContacts(
  hubspot: HubSpotClient,
  leads: ReadonlyArray<{ lead: Lead; qualification: Qualification }>,
  progress: ProgressSink,
): Promise<ContactSyncResult> {
  const step = progress.step('Upserting contacts', leads.length);
  const outcome = await hubspot.contacts.batch.upsert(
    leads.map(({ lead, qualification }) => ({
      id: lead.email,
      properties: contactProperties(lead, qualification),
    })),
    { idProperty: 'email', concurrency: 2 },
  );

  const result: ContactSyncResult = { created: 0, updated: 0, idsByEmail: new Map(), failed: [] };
  for (const item of outcome.results) {
    result.idsByEmail.set(item.input.id.toLowerCase(), item.value.id);
    // NOTE: when a chunk's response is lost after HubSpot applied it, the retry reports its new
    // contacts as existing. `created` can then undercount under faults, but created + updated is exact.
    if (item.value.new === true) result.created += 1;
    else result.updated += 1;
    step.advance();
  }
  for (const failure of outcome.errors) {
    const lead = failure.index === undefined ? undefined : leads[failure.index]?.lead;
    result.failed.push({
      email: lead?.email ?? String(failure.id),
      lines: lead?.lines ?? [],
      error: describe(failure.error),
    });
    step.advance();
  }
  // Nothing is dropped: a lead HubSpot reported neither as a result nor as an error is a failure.
  const reported = new Set([...result.idsByEmail.keys(), ...result.failed.map((failure) => failure.email)]);
  for (const { lead } of leads) {
    if (!reported.has(lead.email)) {
      result.failed.push({
        email: lead.email,
        lines: lead.lines,
        error: 'HubSpot returned no result and no error for this contact',
      });
    }
  }
  step.done(`${result.created} created, ${result.updated} updated, ${result.failed.length} failed`);
  return result;
}
