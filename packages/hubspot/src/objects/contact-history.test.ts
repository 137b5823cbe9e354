import { describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../client/create-hubspot-client.js';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';

describe('contacts.getWithHistory', () => {
  it('reads related records with batch requests only', async () => {
    const fake = createFakeHubSpot({ limits: false });
    const contact = fake.seed('contacts', { email: 'ann@example.com' });
    for (let index = 0; index < 150; index += 1) {
      const note = fake.seed('notes', {
        hs_note_body: `note ${index}`,
        hs_timestamp: String(Date.UTC(2026, 0, 1) + index * 60_000),
      });
      fake.link('notes', note.id, 'contacts', contact.id);
    }
    for (const [index, name] of ['Acme', 'Globex'].entries()) {
      const company = fake.seed('companies', { name, createdate: String(Date.UTC(2025, index, 1)) });
      fake.link('contacts', contact.id, 'companies', company.id);
    }
    const call = fake.seed('calls', { hs_call_title: 'Intro', hs_timestamp: String(Date.UTC(2026, 1, 1)) });
    fake.link('calls', call.id, 'contacts', contact.id);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });

    const history = await hubspot.contacts.getWithHistory(contact.id, { limit: 3 });

    expect(history.contact.id).toBe(contact.id);
    expect(history.notes.map((note) => note.properties.hs_note_body)).toEqual([
      'note 149',
      'note 148',
      'note 147',
    ]);
    expect(history.companies.map((company) => company.properties.name)).toEqual(['Globex', 'Acme']);
    expect(history.calls).toHaveLength(1);
    expect(history.emails).toEqual([]);
    expect(history.meetings).toEqual([]);
    expect(history.deals).toEqual([]);

    const paths = fake.state.requests.map((request) => `${request.method} ${request.path}`);
    expect(paths.filter((path) => path.startsWith('POST /crm/v4/associations/contacts/'))).toHaveLength(6);
    expect(paths.filter((path) => path === 'POST /crm/v3/objects/notes/batch/read')).toHaveLength(2);
    expect(paths.filter((path) => path === 'POST /crm/v3/objects/companies/batch/read')).toHaveLength(1);
    expect(paths.filter((path) => path.startsWith('GET'))).toEqual([
      `GET /crm/v3/objects/contacts/${contact.id}`,
    ]);
    expect(paths).toHaveLength(1 + 6 + 2 + 1 + 1);
  });
});
