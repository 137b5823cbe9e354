import { describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../client/create-hubspot-client.js';
import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import { SearchWindowError } from '../errors/search-window-error.js';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';

function seeded(count: number) {
  const fake = createFakeHubSpot({ limits: false });
  for (let index = 0; index < count; index += 1)
    fake.seed('contacts', { email: `u${index}@x.com`, city: index % 2 ? 'Oslo' : 'Bergen' });
  const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport, limits: false });
  return { fake, hubspot };
}

describe('searchAll', () => {
  it('stops at the 10,000-result window with an error that says what to do', async () => {
    const { fake, hubspot } = seeded(10_050);
    const seen: string[] = [];
    let failure: unknown;
    try {
      for await (const contact of hubspot.contacts.searchAll({ limit: 200, properties: ['email'] }))
        seen.push(contact.id);
    } catch (error) {
      failure = error;
    }
    expect(seen).toHaveLength(10_000);
    expect(SearchWindowError.isInstance(failure)).toBe(true);
    expect((failure as SearchWindowError).total).toBe(10_050);
    expect((failure as Error).message).toContain('Use searchById()');
    const statuses = fake.state.requests.map((request) => request.status);
    expect(statuses).toHaveLength(50);
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('walks every page of a smaller result', async () => {
    const { hubspot } = seeded(25);
    const found = [];
    for await (const contact of hubspot.contacts.searchAll({
      filters: [{ propertyName: 'city', operator: 'EQ', value: 'oslo' }],
      limit: 5,
    })) {
      found.push(contact);
    }
    expect(found).toHaveLength(12);
  });
});

describe('searchById', () => {
  it('walks past the window by hs_object_id', async () => {
    const { fake, hubspot } = seeded(10_050);
    const ids: number[] = [];
    for await (const contact of hubspot.contacts.searchById({ properties: ['email'] }))
      ids.push(Number(contact.id));
    expect(ids).toHaveLength(10_050);
    expect(new Set(ids).size).toBe(10_050);
    expect(ids.every((id, index) => index === 0 || id > (ids[index - 1] as number))).toBe(true);
    const second = fake.state.requests[1]?.body as { sorts: unknown; filterGroups: unknown };
    expect(second.sorts).toEqual([{ propertyName: 'hs_object_id', direction: 'ASCENDING' }]);
    expect(second.filterGroups).toEqual([
      { filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: String(ids[199]) }] },
    ]);
  });

  it('adds the id filter to every filter group', async () => {
    const { fake, hubspot } = seeded(30);
    const found = [];
    const request = {
      limit: 10,
      filterGroups: [
        { filters: [{ propertyName: 'city', operator: 'EQ' as const, value: 'Oslo' }] },
        { filters: [{ propertyName: 'email', operator: 'EQ' as const, value: 'u0@x.com' }] },
      ],
    };
    for await (const contact of hubspot.contacts.searchById(request)) found.push(contact);
    expect(found).toHaveLength(16);
    const groups = (fake.state.requests[1]!.body as { filterGroups: Array<{ filters: unknown[] }> })
      .filterGroups;
    expect(groups.map((group) => group.filters.length)).toEqual([2, 2]);
  });

  it('rejects sorts, since the walk sets its own', async () => {
    const { hubspot } = seeded(1);
    const walk = hubspot.contacts.searchById({ sorts: [{ propertyName: 'email', direction: 'ASCENDING' }] });
    const error = await walk.next().catch((caught) => caught);
    expect(HubSpotValidationError.isInstance(error)).toBe(true);
  });
});

describe('search', () => {
  it('rejects a limit above 200 before sending', async () => {
    const { fake, hubspot } = seeded(1);
    await expect(hubspot.contacts.search({ limit: 500 })).rejects.toThrow(
      'search limit must be a whole number from 1 to 200; received 500.',
    );
    expect(fake.state.requests).toHaveLength(0);
  });
});
