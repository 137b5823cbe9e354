import { createHubSpotClient } from '@patchbay/hubspot';
import { createFakeHubSpot } from '@patchbay/hubspot/testing';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../leads/lead.js';
import type { Qualification } from '../leads/qualify.js';
import { silentProgress } from '../run/progress.js';
import { syncContacts } from './sync-contacts.js';

function lead(email: string, line: number): Lead {
  return {
    email,
    firstName: 'Ada',
    lastName: 'Lovelace',
    phone: undefined,
    phoneUnparsed: false,
    company: 'Analytical Engines',
    website: undefined,
    domain: undefined,
    jobTitle: 'VP Engineering',
    country: undefined,
    employees: undefined,
    leadSource: undefined,
    industry: undefined,
    lines: [line],
  };
}

const qualified: Qualification = { score: 80, tier: 'A', reason: 'VP or head title (+25)' };

describe('syncContacts', () => {
  it('counts created and updated contacts from the upsert results in one request', async () => {
    const fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    await hubspot.contacts.create({ properties: { email: 'known@example.com', firstname: 'Old' } });
    const before = fake.state.requests.length;

    const result = await syncContacts(
      hubspot,
      [
        { lead: lead('known@example.com', 2), qualification: qualified },
        { lead: lead('fresh@example.com', 3), qualification: qualified },
      ],
      silentProgress,
    );

    expect(result.created).toBe(1);
    expect(result.updated).toBe(1);
    expect(result.failed).toEqual([]);
    expect([...result.idsByEmail.keys()].sort()).toEqual(['fresh@example.com', 'known@example.com']);
    expect(fake.state.requests.slice(before).map((request) => request.path)).toEqual([
      '/crm/v3/objects/contacts/batch/upsert',
    ]);
    const known = fake.state.contacts.find((contact) => contact.properties.email === 'known@example.com');
    expect(known?.properties.firstname).toBe('Ada');
    expect(known?.properties.lifecyclestage).toBe('salesqualifiedlead');
  });
});
