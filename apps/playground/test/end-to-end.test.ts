import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentProgress } from '../src/run/progress.js';
import { runPlayground } from '../src/run/run-playground.js';

const dataDir = new URL('../data/', import.meta.url);
const sample = new URL('leads.csv', dataDir).pathname;
const messy = new URL('messy-leads.csv', dataDir).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'playground-e2e-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('playground on the sample CSV', () => {
  it('accounts for every row and settles every invoice', async () => {
    const report = await runPlayground({ csvPath: sample, progress: silentProgress, seed: 7 });

    expect(report.rows.read).toBe(1200);
    expect(report.rows.accepted).toBe(1161);
    expect(report.rows.rejected).toHaveLength(20);
    expect(report.rows.rejected.filter((row) => row.reason === 'missing email')).toHaveLength(12);
    expect(report.rows.rejected.filter((row) => row.reason.startsWith('invalid email'))).toHaveLength(8);
    expect(report.rows.merged).toHaveLength(19);
    expect(report.qualification.tiers).toEqual({ A: 595, B: 430, C: 118, disqualified: 18 });
    expect(report.contacts).toEqual({ created: 1161, updated: 0, failed: [] });
    expect(report.deals.created).toBe(1025);
    expect(report.deals.failed).toEqual([]);
    expect(report.deals.lineItemsCreated).toBe(1572);
    expect(report.deals.byStage).toEqual({
      'Qualified To Buy': 569,
      'Appointment Scheduled': 430,
      Paid: 19,
      'Payment Follow-up': 7,
    });
    expect(report.invoices).toMatchObject({
      dealsWon: 26,
      customersCreated: 26,
      sent: 26,
      paid: 19,
      paymentFailed: 7,
      awaitingOutcome: 0,
      failed: [],
    });
    expect(report.history).toHaveLength(5);
    expect(report.integrity).toEqual({
      duplicateContacts: 0,
      duplicateDeals: 0,
      duplicateCustomers: 0,
      duplicateInvoices: 0,
    });
    expect(report.webhooks.stripe.rejected).toBe(0);
    expect(report.webhooks.stripe.verified).toBe(report.webhooks.stripe.requests);
    expect(report.webhooks.stripe.byType['invoice.paid']).toBeGreaterThanOrEqual(19);
    expect(report.webhooks.stripe.byType['invoice.payment_failed']).toBeGreaterThanOrEqual(7);
    expect(report.webhooks.hubspot.verified).toBeGreaterThan(0);
    expect(report.webhooks.contactCreationEvents).toBe(1161);
    expect(report.http.hubspot.rateLimited + report.http.stripe.rateLimited).toBe(0);
    expect(report.everyRowAccountedFor).toBe(true);
    expect(report.problems).toEqual([]);
  }, 180_000);
});

describe('playground on a CSV with every kind of bad row', () => {
  it('reports each bad row with its line and reason', async () => {
    const report = await runPlayground({ csvPath: messy, progress: silentProgress, seed: 7 });

    expect(report.rows.read).toBe(9);
    expect(report.rows.blankLines).toBe(2);
    expect(report.rows.rejected.map((row) => [row.line, row.reason])).toEqual([
      [6, 'missing email'],
      [7, 'invalid email "katherine.johnson@nasa"'],
      [11, 'has 12 fields but the header has 10; check for an unquoted comma'],
    ]);
    expect(report.rows.merged.map((row) => [row.line, row.email, row.mergedInto])).toEqual([
      [9, 'grace@navy.example', 4],
      [13, 'tim@w3.example', 12],
    ]);
    expect(report.contacts).toEqual({ created: 4, updated: 0, failed: [] });
    expect(report.deals.created).toBe(4);
    expect(report.everyRowAccountedFor).toBe(true);
  }, 120_000);
});

describe('playground under chaos', () => {
  it('finishes with no duplicates and no lost rows', async () => {
    const lines = readFileSync(sample, 'utf8').split('\r\n');
    const subset = join(scratch, 'leads-150.csv');
    writeFileSync(subset, `${lines.slice(0, 151).join('\r\n')}\r\n`);
    const calm = await runPlayground({ csvPath: subset, progress: silentProgress, seed: 11 });
    const report = await runPlayground({ csvPath: subset, progress: silentProgress, seed: 11, chaos: true });

    expect(report.rows.read).toBe(150);
    expect(report.rows.accepted + report.rows.rejected.length + report.rows.merged.length).toBe(150);
    expect(report.contacts.created + report.contacts.updated + report.contacts.failed.length).toBe(
      report.rows.accepted,
    );
    expect(report.contacts.failed).toEqual([]);
    expect(report.deals.failed).toEqual([]);
    expect(report.invoices.failed).toEqual([]);
    expect(report.invoices.awaitingOutcome).toBe(0);
    expect(report.integrity).toEqual({
      duplicateContacts: 0,
      duplicateDeals: 0,
      duplicateCustomers: 0,
      duplicateInvoices: 0,
    });
    expect(report.http.hubspot.retries + report.http.stripe.retries).toBeGreaterThan(0);
    expect(report.deals.lineItemsCreated).toBe(calm.deals.lineItemsCreated);
    expect(report.deals.byStage).toEqual(calm.deals.byStage);
    expect(report.everyRowAccountedFor).toBe(true);
  }, 240_000);
});

describe('playground with Redis stores', () => {
  it('shares limits and dedup through Redis', async () => {
    const lines = readFileSync(sample, 'utf8').split('\r\n');
    const subset = join(scratch, 'leads-redis.csv');
    writeFileSync(subset, `${lines.slice(0, 151).join('\r\n')}\r\n`);
    const first = await runPlayground({
      csvPath: subset,
      progress: silentProgress,
      redisUrl: 'redis://127.0.0.1:6379',
    });
    const second = await runPlayground({
      csvPath: subset,
      progress: silentProgress,
      redisUrl: 'redis://127.0.0.1:6379',
    });

    for (const report of [first, second]) {
      expect(report.redis).toBe(true);
      expect(report.invoices.awaitingOutcome).toBe(0);
      expect(report.invoices.paid + report.invoices.paymentFailed).toBe(report.invoices.sent);
      expect(report.webhooks.stripe.handled).toBeGreaterThanOrEqual(report.invoices.sent);
      expect(report.everyRowAccountedFor).toBe(true);
    }
    // Each run on fresh fakes keeps its own keys, so the second run's events are not taken for duplicates.
    expect(second.invoices.sent).toBe(first.invoices.sent);
  }, 180_000);
});

describe('configuration errors', () => {
  it('names the missing live credentials', async () => {
    await expect(
      runPlayground({ csvPath: sample, progress: silentProgress, live: true, env: {} }),
    ).rejects.toThrow(
      '--live needs HUBSPOT_ACCESS_TOKEN, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET in the environment.',
    );
  });

  it('refuses a live-mode Stripe key without the explicit flag', async () => {
    const env = {
      HUBSPOT_ACCESS_TOKEN: 'pat-na1-x',
      STRIPE_SECRET_KEY: 'sk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
    };
    await expect(
      runPlayground({ csvPath: sample, progress: silentProgress, live: true, env }),
    ).rejects.toThrow('STRIPE_SECRET_KEY is a live-mode key, which would charge real cards.');
  });

  it('names an unreadable CSV', async () => {
    await expect(
      runPlayground({ csvPath: join(scratch, 'missing.csv'), progress: silentProgress }),
    ).rejects.toThrow(
      /Cannot read the CSV at .*missing\.csv \(ENOENT\); pass --csv with the path of a readable CSV file\./,
    );
  });

  it('explains a bad mapping file', async () => {
    const mapping = join(scratch, 'mapping.json');
    writeFileSync(mapping, '{"email": "Work Mail", "shoeSize": "Shoe"}');
    await expect(
      runPlayground({ csvPath: sample, mappingPath: mapping, progress: silentProgress }),
    ).rejects.toThrow('"shoeSize" is not a lead field');
    writeFileSync(mapping, '{"email": ');
    await expect(
      runPlayground({ csvPath: sample, mappingPath: mapping, progress: silentProgress }),
    ).rejects.toThrow('is not valid JSON');
  });

  it('applies a valid mapping to an unusual header', async () => {
    const csv = join(scratch, 'custom.csv');
    writeFileSync(csv, 'Work Mail,Given,Org\nada@analytical.example,Ada,Analytical Engines\n');
    const mapping = join(scratch, 'custom-mapping.json');
    writeFileSync(mapping, '{"email": "Work Mail", "firstName": "Given", "company": "Org"}');
    const report = await runPlayground({ csvPath: csv, mappingPath: mapping, progress: silentProgress });
    expect(report.contacts.created).toBe(1);
    expect(report.everyRowAccountedFor).toBe(true);
  }, 60_000);
});
