import { describe, expect, it } from 'vitest';
import { scriptedTransport } from '../../test/helpers/scripted-transport.js';
import { createHubSpotClient } from '../client/create-hubspot-client.js';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';

const conflictWithId = {
  status: 409,
  json: {
    status: 'error',
    message: 'Contact already exists. Existing ID: 90210',
    correlationId: 'c-1',
    category: 'CONFLICT',
  },
};

describe('contacts.createOrUpdateByEmail', () => {
  it('updates the id a 409 names', async () => {
    const updated = {
      status: 200,
      json: { id: '90210', properties: { email: 'ann@example.com', firstname: 'Ann' } },
    };
    const { transport, sent } = scriptedTransport([conflictWithId, updated]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport });

    const result = await hubspot.contacts.createOrUpdateByEmail('ann@example.com', { firstname: 'Ann' });

    expect(result).toEqual({ record: updated.json, created: false });
    expect(sent.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /crm/v3/objects/contacts',
      'PATCH /crm/v3/objects/contacts/90210',
    ]);
    expect(sent[1]?.body).toEqual({ properties: { firstname: 'Ann' } });
  });

  it('upserts by email without an id', async () => {
    const conflict = {
      status: 409,
      json: { status: 'error', message: 'Contact already exists.', category: 'CONFLICT' },
    };
    const upserted = {
      status: 200,
      json: {
        status: 'COMPLETE',
        results: [{ id: '7', properties: { email: 'ann@example.com' }, new: false }],
      },
    };
    const { transport, sent } = scriptedTransport([conflict, upserted]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport });

    const result = await hubspot.contacts.createOrUpdateByEmail('ann@example.com', { firstname: 'Ann' });

    expect(result.record.id).toBe('7');
    expect(result.created).toBe(false);
    expect(sent.map((request) => request.url.pathname)).toEqual([
      '/crm/v3/objects/contacts',
      '/crm/v3/objects/contacts/batch/upsert',
    ]);
    expect(sent[1]?.body).toEqual({
      inputs: [
        {
          idProperty: 'email',
          id: 'ann@example.com',
          properties: { firstname: 'Ann', email: 'ann@example.com' },
        },
      ],
    });
  });

  it('creates the contact when the email is new', async () => {
    const fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const result = await hubspot.contacts.createOrUpdateByEmail('New@Example.com', { firstname: 'Nia' });
    expect(result.created).toBe(true);
    expect(fake.state.contacts.map((contact) => contact.properties.email)).toEqual(['new@example.com']);
  });

  it('updates through the fake without duplicating', async () => {
    const fake = createFakeHubSpot();
    const existing = fake.seed('contacts', { email: 'ann@example.com', firstname: 'A' });
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const result = await hubspot.contacts.createOrUpdateByEmail('ann@example.com', { firstname: 'Ann' });
    expect(result.record.id).toBe(existing.id);
    expect(fake.state.contacts).toHaveLength(1);
    expect(fake.state.contacts[0]?.properties.firstname).toBe('Ann');
    expect(fake.state.requests.map((request) => request.status)).toEqual([409, 200]);
  });
});

describe('contacts.getByEmail', () => {
  it('reads with idProperty=email', async () => {
    const fake = createFakeHubSpot();
    const existing = fake.seed('contacts', { email: 'ann@example.com' });
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const contact = await hubspot.contacts.getByEmail('ann@example.com', { properties: ['email'] });
    expect(contact.id).toBe(existing.id);
    expect(fake.state.requests[0]?.query).toBe('?properties=email&idProperty=email');
  });
});
