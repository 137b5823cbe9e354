import type { RunReport } from '../../src/report/run-report.js';
import { emptyReceiverStats } from '../../src/webhooks/receiver-stats.js';

/** Builds a small report of a chaos run on the fakes, with every row accounted for. */
export function sampleReport(): RunReport {
  return {
    startedAt: '2026-01-05T09:00:00.000Z',
    finishedAt: '2026-01-05T09:00:04.250Z',
    elapsedMs: 4250,
    mode: 'fakes',
    chaos: true,
    redis: false,
    csv: '/tmp/leads.csv',
    rows: {
      read: 12,
      accepted: 9,
      rejected: [
        { line: 3, reason: 'missing email', values: ['Ada', 'Lovelace', ''] },
        { line: 5, reason: 'invalid email "grace@navy"', values: ['Grace', 'Hopper', 'grace@navy'] },
      ],
      merged: [{ line: 8, email: 'tim@w3.example', mergedInto: 7, filledFields: ['phone'] }],
      blankLines: 1,
    },
    qualification: { qualifier: 'rules-v1', tiers: { A: 4, B: 3, C: 1, disqualified: 1 } },
    contacts: { created: 9, updated: 0, failed: [] },
    deals: {
      created: 7,
      updated: 0,
      lineItemsCreated: 10,
      byStage: { 'Qualified To Buy': 3, 'Appointment Scheduled': 3, Paid: 1 },
      failed: [],
    },
    history: [],
    invoices: {
      dealsWon: 1,
      customersCreated: 1,
      customersFound: 0,
      sent: 1,
      paid: 1,
      paymentFailed: 0,
      awaitingOutcome: 0,
      alreadyBilled: 0,
      failed: [],
    },
    webhooks: {
      stripe: {
        ...emptyReceiverStats(),
        requests: 4,
        verified: 4,
        events: 4,
        handled: 1,
        ignored: 2,
        duplicates: 1,
      },
      hubspot: { ...emptyReceiverStats(), requests: 1, verified: 1, events: 9, handled: 9 },
      contactCreationEvents: 9,
    },
    http: {
      hubspot: {
        attempts: 14,
        retries: 2,
        retryReasons: { 'rate_limit 429': 2 },
        rateLimited: 2,
        failedCalls: 0,
        limiterWaitMs: 0,
      },
      stripe: {
        attempts: 6,
        retries: 1,
        retryReasons: { 'server 500': 1 },
        rateLimited: 0,
        failedCalls: 0,
        limiterWaitMs: 0,
      },
    },
    integrity: { duplicateContacts: 0, duplicateDeals: 0, duplicateCustomers: 0, duplicateInvoices: 0 },
    everyRowAccountedFor: true,
    problems: [],
  };
}
