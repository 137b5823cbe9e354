import type { HubSpotClient } from '@patchbay/hubspot';
import type { Lead } from '../leads/lead.js';
import type { Qualification, Qualifier, Tier } from '../leads/qualify.js';
import type { ProgressSink } from '../run/progress.js';
import { type ContactSyncResult, syncContacts } from './sync-contacts.js';
import { type DealCandidate, type DealSyncResult, syncDeals } from './sync-deals.js';

export interface QualifiedLead {
  lead: Lead;
  qualification: Qualification;
}

/** The personalisation context a follow-up would use, read for the top leads. */
export interface LeadHistory {
  email: string;
  contactId: string;
  score: number;
  /** Related records per type: notes, emails, calls, meetings, deals, companies. */
  counts: Record<string, number>;
  latestDeal: string | undefined;
}

export interface LeadSyncResult {
  qualifier: string;
  qualified: QualifiedLead[];
  tiers: Record<Tier, number>;
  contacts: ContactSyncResult;
  deals: DealSyncResult;
  history: LeadHistory[];
}

export interface LeadSyncOptions {
  hubspot: HubSpotClient;
  leads: readonly Lead[];
  qualifier: Qualifier;
  progress: ProgressSink;
  /**
   * Top leads (by score) whose history is read.
   * @default 5
   */
  historyFor?: number;
}

/** Qualifies leads, upserts them as contacts, gives qualified ones a deal, and reads top leads' history. */
export async function runLeadSync(options: LeadSyncOptions): Promise<LeadSyncResult> {
  const { hubspot, progress } = options;
  const qualified: QualifiedLead[] = [];
  for (const lead of options.leads)
    qualified.push({ lead, qualification: await options.qualifier.qualify(lead) });
  const tiers: Record<Tier, number> = { A: 0, B: 0, C: 0, disqualified: 0 };
  for (const { qualification } of qualified) tiers[qualification.tier] += 1;
  progress.line(
    `Qualified ${qualified.length} leads with ${options.qualifier.name}: A ${tiers.A}, B ${tiers.B}, C ${tiers.C}, disqualified ${tiers.disqualified}`,
  );

  const contacts = await syncContacts(hubspot, qualified, progress);
  const candidates: DealCandidate[] = qualified.flatMap(({ lead, qualification }) => {
    const contactId = contacts.idsByEmail.get(lead.email);
    return contactId && (qualification.tier === 'A' || qualification.tier === 'B')
      ? [{ lead, qualification, contactId }]
      : [];
  });
  const deals = await syncDeals(hubspot, candidates, progress);
  const history = await readTopHistories(hubspot, candidates, options.historyFor ?? 5, progress);
  return { qualifier: options.qualifier.name, qualified, tiers, contacts, deals, history };
}

async function readTopHistories(
  hubspot: HubSpotClient,
  candidates: readonly DealCandidate[],
  count: number,
  progress: ProgressSink,
): Promise<LeadHistory[]> {
  const top = [...candidates].sort((a, b) => b.qualification.score - a.qualification.score).slice(0, count);
  const step = progress.step('Reading contact history', top.length);
  // The leads' reads run together: each one waits on round trips, not on the rate limit.
  const histories = await Promise.all(
    top.map(async (candidate): Promise<LeadHistory> => {
      const history = await hubspot.contacts.getWithHistory(candidate.contactId, { limit: 5 });
      const { contact, ...related } = history;
      step.advance();
      return {
        email: candidate.lead.email,
        contactId: contact.id,
        score: candidate.qualification.score,
        counts: Object.fromEntries(Object.entries(related).map(([type, records]) => [type, records.length])),
        latestDeal: related.deals[0]?.properties.dealname ?? undefined,
      };
    }),
  );
  step.done(`read history of ${histories.length} top leads`);
  return histories;
}
