import { describe, expect, it } from 'vitest';
import { scriptedTransport } from '../../test/helpers/scripted-transport.js';
import { createHubSpotClient } from '../client/create-hubspot-client.js';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';

describe('batch read', () => {
  it('resolves a 207 with records, errors and missing ids', async () => {
    const multiStatus = {
      status: 207,
      json: {
        status: 'COMPLETE',
        results: [{ id: '11', properties: { email: 'ann@example.com' } }],
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'Could not get some CONTACT objects, they may be deleted or not exist.',
            context: { ids: ['bob@example.com', 'cy@example.com'] },
          },
        ],
      },
    };
    const { transport, sent } = scriptedTransport([multiStatus]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport });

    const outcome = await hubspot.contacts.batch.read(
      ['ann@example.com', 'bob@example.com', 'cy@example.com'],
      {
        idProperty: 'email',
      },
    );

    expect(sent).toHaveLength(1);
    expect(outcome.results.map((entry) => [entry.index, entry.value.id])).toEqual([[0, '11']]);
    expect(outcome.errors.map((entry) => [entry.index, entry.id])).toEqual([
      [1, 'bob@example.com'],
      [2, 'cy@example.com'],
    ]);
    expect(outcome.missingIds()).toEqual(['bob@example.com', 'cy@example.com']);
    expect(outcome.failedChunks).toEqual([]);
  });

  it('splits 250 inputs into 100, 100 and 50 and keeps input indexes', async () => {
    const fake = createFakeHubSpot({ limits: false });
    const emails = Array.from({ length: 250 }, (_, index) => `user${index}@example.com`);
    for (const [index, email] of emails.entries()) if (index % 50 !== 7) fake.seed('contacts', { email });
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });

    const outcome = await hubspot.contacts.batch.read(emails, { idProperty: 'email', properties: ['email'] });

    const sizes = fake.state.requests.map((request) => (request.body as { inputs: unknown[] }).inputs.length);
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(outcome.results).toHaveLength(245);
    for (const entry of outcome.results) expect(entry.value.properties.email).toBe(emails[entry.index]);
    expect(outcome.errors.map((entry) => entry.index)).toEqual([7, 57, 107, 157, 207]);
    expect(outcome.missingIds()).toEqual([
      'user7@example.com',
      'user57@example.com',
      'user107@example.com',
      'user157@example.com',
      'user207@example.com',
    ]);
  });
});

describe('batch create', () => {
  it('is not retried after a server error', async () => {
    const { transport, sent } = scriptedTransport([
      { status: 503, json: { status: 'error', message: 'down' } },
    ]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport, retry: { initialDelayMs: 0 } });
    const outcome = await hubspot.contacts.batch.create([{ properties: { email: 'a@x.com' } }]);
    expect(sent).toHaveLength(1);
    expect(outcome.failedChunks.map((chunk) => [chunk.start, chunk.end])).toEqual([[0, 1]]);
    expect(outcome.errors.map((entry) => entry.index)).toEqual([0]);
  });

  it('maps created records back to inputs by trace id', async () => {
    const fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const outcome = await hubspot.companies.batch.create([
      { properties: { name: 'A' } },
      { properties: { name: 'B' } },
    ]);
    expect(outcome.results.map((entry) => [entry.index, entry.value.properties.name])).toEqual([
      [0, 'A'],
      [1, 'B'],
    ]);
  });

  it('checks every input before sending any chunk', async () => {
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
    const inputs = Array.from({ length: 150 }, (_, index) => ({
      properties: {
        email: `u${index}@x.com`,
        date_of_birth: index === 149 ? new Date(Date.UTC(1990, 1, 1, 12)) : null,
      },
    }));
    await expect(hubspot.contacts.batch.create(inputs)).rejects.toThrow(/date_of_birth is a date property/);
    expect(fake.state.requests).toHaveLength(0);
  });
});

describe('batch upsert, update and archive', () => {
  it('upserts by email and reports which records are new', async () => {
    const fake = createFakeHubSpot();
    fake.seed('contacts', { email: 'old@x.com' });
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const outcome = await hubspot.contacts.batch.upsert(
      [
        { id: 'NEW@x.com', properties: { firstname: 'N' } },
        { id: 'old@x.com', properties: { firstname: 'O' } },
      ],
      { idProperty: 'email' },
    );
    expect(outcome.results.map((entry) => [entry.index, entry.value.new])).toEqual([
      [0, true],
      [1, false],
    ]);
    expect(fake.state.contacts.map((contact) => contact.properties.firstname).sort()).toEqual(['N', 'O']);
  });

  it('updates and archives by id', async () => {
    const fake = createFakeHubSpot();
    const a = fake.seed('deals', { dealname: 'a' });
    const b = fake.seed('deals', { dealname: 'b' });
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const updated = await hubspot.deals.batch.update([
      { id: a.id, properties: { amount: 5 } },
      { id: '999', properties: { amount: 6 } },
    ]);
    expect(updated.results.map((entry) => entry.index)).toEqual([0]);
    expect(updated.missingIds()).toEqual(['999']);
    const archived = await hubspot.deals.batch.archive([a.id, b.id]);
    expect(archived.results).toHaveLength(2);
    expect(fake.state.deals).toHaveLength(0);
  });
});
