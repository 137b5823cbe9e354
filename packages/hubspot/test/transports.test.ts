import { createFetchTransport } from '@patchbay/core';
import { createHubSpotClient } from '@patchbay/hubspot';
import { createFakeHubSpot } from '@patchbay/hubspot/testing';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let fake = createFakeHubSpot();
const server = setupServer(http.all('https://api.hubapi.com/*', ({ request }) => fake.fetch(request)));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function leadFlow(hubspot: ReturnType<typeof createHubSpotClient>) {
  const { record } = await hubspot.contacts.createOrUpdateByEmail('lead@example.com', { firstname: 'Lea' });
  const deal = await hubspot.deals.create({
    properties: { dealname: 'Lea - starter', amount: 1200 },
    associateWith: [{ objectType: 'contacts', id: record.id }],
  });
  await hubspot.deals.moveToStage(deal.id, { stage: 'Contract Sent' });
  return hubspot.contacts.getWithHistory(record.id);
}

describe('the client against the fake', () => {
  it('works through msw and createFetchTransport()', async () => {
    fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: createFetchTransport() });
    const history = await leadFlow(hubspot);
    expect(history.deals.map((deal) => deal.properties.dealstage)).toEqual(['contractsent']);
    expect(fake.state.contacts).toHaveLength(1);
  });

  it('surfaces an injected reset through msw as a network error', async () => {
    fake = createFakeHubSpot();
    fake.faults.next('reset');
    const hubspot = createHubSpotClient({
      accessToken: 'pat-test',
      transport: createFetchTransport(),
      retry: { maxRetries: 0 },
    });
    const error = await hubspot.contacts.get('1').catch((caught) => caught);
    expect((error as { category?: string }).category).toBe('network');
  });

  it('works through fake.transport', async () => {
    fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const history = await leadFlow(hubspot);
    expect(history.contact.properties.email).toBe('lead@example.com');
    expect(history.deals).toHaveLength(1);
  });
});
