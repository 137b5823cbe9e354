import { createHubSpotClient } from '@patchbay/hubspot';
import { createFakeHubSpot } from '@patchbay/hubspot/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from './helpers/scripted-transport.js';

const contacts = Array.from({ length: 1_000 }, (_, index) => ({
  id: `lead${index}@example.com`,
  properties: { firstname: `Lead ${index}`, lifecyclestage: 'lead' },
}));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('upserting 1,000 contacts', () => {
  it('sends exactly 10 batch requests when nothing fails', async () => {
    const fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });

    const outcome = await settle(hubspot.contacts.batch.upsert(contacts, { idProperty: 'email' }));

    expect(fake.state.requests).toHaveLength(10);
    expect(
      fake.state.requests.every((request) => request.path === '/crm/v3/objects/contacts/batch/upsert'),
    ).toBe(true);
    expect(outcome.results).toHaveLength(1_000);
    expect(outcome.results.every((entry) => entry.value.new === true)).toBe(true);
    expect(fake.state.contacts).toHaveLength(1_000);
  });

  it('ends with every contact present exactly once when 20% of requests fail', async () => {
    const fake = createFakeHubSpot({
      seed: 5,
      faults: { rate: 0.2, kinds: ['429', '5xx', 'reset'], timing: 'after' },
    });
    const hubspot = createHubSpotClient({
      accessToken: 'pat-test',
      transport: fake.transport,
      retry: { maxRetries: 6 },
    });

    const outcome = await settle(hubspot.contacts.batch.upsert(contacts, { idProperty: 'email' }));

    const faults = fake.state.requests.filter((request) => request.fault !== undefined);
    expect(new Set(faults.map((request) => request.fault))).toEqual(new Set(['429', '5xx', 'reset']));
    expect(faults.length).toBeGreaterThanOrEqual(2);
    expect(outcome.failedChunks).toEqual([]);
    expect(outcome.results).toHaveLength(1_000);
    const emails = fake.state.contacts.map((contact) => contact.properties.email);
    expect(emails).toHaveLength(1_000);
    expect(new Set(emails)).toEqual(new Set(contacts.map((contact) => contact.id)));
  });
});
