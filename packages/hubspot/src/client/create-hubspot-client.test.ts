import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { BatchRecord } from '../batch/batch-response.js';
import type { HubSpotBatchResult } from '../batch/batch-result.js';
import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import type { CrmObject } from '../objects/crm-object.js';
import type { SearchPage } from '../search/search-request.js';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';
import type { hubSpotWebhookEventSchema } from '../webhooks/webhook-events.js';
import { createHubSpotClient } from './create-hubspot-client.js';

describe('client types', () => {
  it('infers records, pages and batch results from the schemas', () => {
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', limits: false });
    expectTypeOf(hubspot.contacts.get).returns.resolves.toEqualTypeOf<CrmObject>();
    expectTypeOf<CrmObject['properties']>().toEqualTypeOf<Record<string, string | null>>();
    expectTypeOf(hubspot.deals.search).returns.resolves.toEqualTypeOf<SearchPage>();
    expectTypeOf(hubspot.contacts.batch.read).returns.resolves.toEqualTypeOf<
      HubSpotBatchResult<string, BatchRecord>
    >();
    expectTypeOf<BatchRecord['new']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(hubspot.contacts.createOrUpdateByEmail)
      .returns.resolves.toHaveProperty('created')
      .toEqualTypeOf<boolean>();
  });

  it('narrows webhook events by subscription type', () => {
    type Event = z.infer<typeof hubSpotWebhookEventSchema>;
    type Change = Extract<Event, { subscriptionType: 'deal.propertyChange' }>;
    expectTypeOf<Change['propertyValue']>().toEqualTypeOf<string>();
    expectTypeOf<
      Extract<Event, { subscriptionType: 'contact.associationChange' }>['associationRemoved']
    >().toEqualTypeOf<boolean>();
  });
});

describe('responses with unknown fields', () => {
  it('keeps fields HubSpot adds', async () => {
    const hubspot = createHubSpotClient({
      accessToken: 'pat-test',
      limits: false,
      transport: {
        name: 'extra-fields',
        send: async () => ({
          status: 200,
          headers: {},
          text: async () =>
            JSON.stringify({
              id: '1',
              properties: { email: null },
              url: 'https://app.hubspot.com/x',
              propertiesWithHistory: {},
            }),
          discard: async () => {},
        }),
      },
    });
    const record = await hubspot.contacts.get('1');
    expect(record).toMatchObject({ id: '1', url: 'https://app.hubspot.com/x' });
  });
});

describe('property checks', () => {
  it('load definitions once and reject invalid values before sending', async () => {
    const fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    await hubspot.properties.load('contacts');
    await hubspot.properties.load('contacts');

    const error = await hubspot.contacts
      .create({ properties: { email: 'a@x.com', lifecyclestage: 'Lead' } })
      .catch((caught) => caught);
    const dateError = await hubspot.contacts
      .update('1', { date_of_birth: new Date(Date.UTC(1990, 4, 1, 10)) })
      .catch((caught) => caught);

    expect(HubSpotValidationError.isInstance(error)).toBe(true);
    expect((error as HubSpotValidationError).field).toBe('properties.lifecyclestage');
    expect((dateError as HubSpotValidationError).code).toBe('DATE_HAS_TIME');
    expect(fake.state.requests.map((request) => request.path)).toEqual(['/crm/v3/properties/contacts']);
  });

  it('sends dates of known date properties as midnight epoch ms', async () => {
    const fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({
      accessToken: 'pat-test',
      transport: fake.transport,
      propertyDefinitions: {
        contacts: [
          { name: 'email', type: 'string' },
          { name: 'date_of_birth', type: 'date' },
        ],
      },
    });
    await hubspot.contacts.create({
      properties: { email: 'a@x.com', date_of_birth: new Date(Date.UTC(1990, 4, 1)) },
    });
    expect(fake.state.contacts[0]?.properties.date_of_birth).toBe(String(Date.UTC(1990, 4, 1)));
  });
});
