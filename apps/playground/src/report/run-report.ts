import type { MergedRow, RejectedRow } from '../leads/lead.js';
import type { Tier } from '../leads/qualify.js';
import type { ServiceHttpMetrics } from '../run/http-metrics.js';
import type { ReceiverStats } from '../webhooks/receiver-stats.js';
import type { LeadHistory } from '../workflows/lead-sync.js';

/** Duplicates found in the fakes' final state; all zero in a correct run. */
export interface Integrity {
  duplicateContacts: number;
  duplicateDeals: number;
  duplicateCustomers: number;
  duplicateInvoices: number;
}

/** Everything a run did, as written to the JSON report. */
export interface RunReport {
  startedAt: string;
  finishedAt: string;
  elapsedMs: number;
  mode: 'fakes' | 'live';
  chaos: boolean;
  redis: boolean;
  csv: string;
  rows: {
    read: number;
    accepted: number;
    rejected: RejectedRow[];
    merged: MergedRow[];
    blankLines: number;
  };
  qualification: { qualifier: string; tiers: Record<Tier, number> };
  contacts: {
    created: number;
    updated: number;
    failed: Array<{ email: string; lines: number[]; error: string }>;
  };
  deals: {
    created: number;
    updated: number;
    lineItemsCreated: number;
    byStage: Record<string, number>;
    failed: Array<{ email: string; lines: number[]; error: string }>;
  };
  history: LeadHistory[];
  invoices: {
    dealsWon: number;
    customersCreated: number;
    customersFound: number;
    sent: number;
    paid: number;
    paymentFailed: number;
    awaitingOutcome: number;
    alreadyBilled: number;
    failed: Array<{ dealId: string; email: string; error: string }>;
  };
  webhooks: {
    stripe: ReceiverStats;
    hubspot: ReceiverStats;
    /** Contacts whose `contact.creation` webhook arrived and verified. */
    contactCreationEvents: number;
  };
  http: { hubspot: ServiceHttpMetrics; stripe: ServiceHttpMetrics };
  integrity: Integrity | undefined;
  /** True when every data row is a contact, a reported rejection, a reported merge or a reported failure. */
  everyRowAccountedFor: boolean;
  /** What does not add up, when `everyRowAccountedFor` is false or integrity found duplicates. */
  problems: string[];
}
