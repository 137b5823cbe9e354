import { createHubSpotClient } from '@patchbay/hubspot';
import { createFakeHubSpot, type FaultTiming } from '@patchbay/hubspot/testing';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../leads/lead.js';
import { silentProgress } from '../run/progress.js';
import { demoPipeline } from './demo-pipeline.js';
import { type DealCandidate, syncDeals } from './sync-deals.js';

const lineItemCreate = '/crm/v3/objects/line_items/batch/create';

function candidate(index: number, employees: number): Omit<DealCandidate, 'contactId'> {
  const lead: Lead = {
    email: `buyer${index}@example.com`,
    firstName: 'Ada',
    lastName: `Buyer ${index}`,
    phone: undefined,
    phoneUnparsed: false,
    company: `Company ${index}`,
    website: undefined,
    domain: undefined,
    jobTitle: 'VP Engineering',
    country: undefined,
    employees,
    leadSource: undefined,
    industry: undefined,
    lines: [index + 2],
  };
  return { lead, qualification: { score: 90, tier: 'A', reason: 'VP or head title (+25)' } };
}

/** Syncs three deals (two lines, one line, two lines) with the first `failures` line-item creates failing. */
async function syncWithFailingLineItems(failures: number, timing: FaultTiming) {
  let failed = 0;
  const fake = createFakeHubSpot({
    pipelines: [demoPipeline],
    faults: {
      rate: 1,
      kinds: ['reset'],
      timing,
      match: (request) => {
        if (request.path !== lineItemCreate) return false;
        failed += 1;
        return failed <= failures;
      },
    },
  });
  const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
  const candidates: DealCandidate[] = [];
  for (const [index, employees] of [500, 20, 1500].entries()) {
    const base = candidate(index, employees);
    const contact = await hubspot.contacts.create({ properties: { email: base.lead.email } });
    candidates.push({ ...base, contactId: contact.id });
  }

  const result = await syncDeals(hubspot, candidates, silentProgress);
  const lineNames = (dealId: string) =>
    fake.state.lineItems
      .filter((item) =>
        fake.state.associations.some((link) => link.fromId === item.id && link.toId === dealId),
      )
      .map((item) => item.properties.name)
      .sort();
  return { fake, result, lineNames };
}

describe('syncDeals line items', () => {
  it('reads back a lost response and creates nothing twice', async () => {
    const { result, fake, lineNames } = await syncWithFailingLineItems(1, 'after');

    expect(result.failed).toEqual([]);
    expect(result.lineItemsCreated).toBe(5);
    expect(fake.state.lineItems).toHaveLength(5);
    for (const dealId of result.idsByEmail.values()) {
      expect(new Set(lineNames(dealId)).size).toBe(lineNames(dealId).length);
    }
    expect(lineNames(result.idsByEmail.get('buyer1@example.com') as string)).toEqual([
      'Patchbay platform, annual seat',
    ]);
  });

  it('creates the lines a failed chunk did not write', async () => {
    const { result, fake, lineNames } = await syncWithFailingLineItems(2, 'before');

    expect(result.failed).toEqual([]);
    expect(result.lineItemsCreated).toBe(5);
    expect(fake.state.lineItems).toHaveLength(5);
    expect(lineNames(result.idsByEmail.get('buyer2@example.com') as string)).toEqual([
      'Onboarding package',
      'Patchbay platform, annual seat',
    ]);
  });

  it('reports deals still missing lines after three rounds', async () => {
    const { result, fake } = await syncWithFailingLineItems(3, 'before');

    expect(fake.state.lineItems).toHaveLength(0);
    expect(result.lineItemsCreated).toBe(0);
    expect(result.failed.map((failure) => failure.email)).toEqual([
      'buyer0@example.com',
      'buyer1@example.com',
      'buyer2@example.com',
    ]);
    expect(result.failed[0]?.error).toMatch(
      /^line items of deal \S+ \(Patchbay platform, annual seat, Onboarding package\): still missing after 3 attempts: /,
    );
    expect(result.failed[1]?.lines).toEqual([3]);
  });
});
