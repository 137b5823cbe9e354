import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from '../../test/helpers/scripted-transport.js';
import { createHubSpotClient } from '../client/create-hubspot-client.js';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('deals.upsertForContact', () => {
  it('keeps one deal per contact and pipeline when responses are lost', async () => {
    const fake = createFakeHubSpot();
    const contact = fake.seed('contacts', { email: 'ann@example.com' });
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    await settle(hubspot.deals.ensureDealKeyProperty());

    fake.faults.next('reset', { timing: 'after' });
    fake.faults.next('5xx', { timing: 'after' });
    const first = await settle(
      hubspot.deals.upsertForContact({
        contactId: contact.id,
        pipeline: 'Sales Pipeline',
        stage: 'Qualified To Buy',
        properties: { dealname: 'Ann - starter', amount: 500 },
      }),
    );
    fake.faults.next('reset', { timing: 'after' });
    const second = await settle(
      hubspot.deals.upsertForContact({
        contactId: contact.id,
        pipeline: 'default',
        properties: { amount: 900 },
      }),
    );

    expect(second.record.id).toBe(first.record.id);
    expect(first.key).toBe(`${contact.id}:default`);
    expect(fake.state.deals).toHaveLength(1);
    expect(fake.state.deals[0]?.properties).toMatchObject({
      patchbay_deal_key: `${contact.id}:default`,
      amount: '900',
      dealstage: 'qualifiedtobuy',
    });
    const links = fake.state.associations.filter(
      (link) => link.fromType === 'deals' && link.toType === 'contacts',
    );
    expect(links).toHaveLength(1);
    expect(fake.state.requests.filter((request) => request.status === 'reset')).toHaveLength(2);
  });

  it('creates the deal key property once', async () => {
    const fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const created = await settle(hubspot.deals.ensureDealKeyProperty());
    const found = await settle(hubspot.deals.ensureDealKeyProperty());
    expect(created).toMatchObject({ name: 'patchbay_deal_key', hasUniqueValue: true, type: 'string' });
    expect(found.name).toBe('patchbay_deal_key');
    expect(fake.state.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
      'GET 404',
      'POST 201',
      'GET 200',
    ]);
  });

  it('explains a missing deal key property', async () => {
    const fake = createFakeHubSpot();
    const contact = fake.seed('contacts', { email: 'ann@example.com' });
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const error = await settle(
      hubspot.deals.upsertForContact({ contactId: contact.id, pipeline: 'default', properties: {} }),
    ).catch((caught) => caught);
    expect((error as Error).message).toContain('patchbay_deal_key is not a property with unique values');
  });
});

describe('deals.lineItems', () => {
  it('reads a deal line items through associations and a batch read', async () => {
    const fake = createFakeHubSpot();
    const deal = fake.seed('deals', { dealname: 'Invoice me' });
    for (const name of ['Seat', 'Support']) {
      const item = fake.seed('line_items', { name, quantity: '2', price: '10' });
      fake.link('deals', deal.id, 'line_items', item.id);
    }
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const items = await settle(hubspot.deals.lineItems(deal.id));
    expect(items.map((item) => [item.properties.name, item.properties.quantity])).toEqual([
      ['Seat', '2'],
      ['Support', '2'],
    ]);
    expect(fake.state.requests.map((request) => request.path)).toEqual([
      `/crm/v4/objects/deals/${deal.id}/associations/line_items`,
      '/crm/v3/objects/line_items/batch/read',
    ]);
  });
});
