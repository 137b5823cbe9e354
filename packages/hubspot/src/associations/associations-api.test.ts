import { describe, expect, it } from 'vitest';
import { scriptedTransport } from '../../test/helpers/scripted-transport.js';
import { createHubSpotClient } from '../client/create-hubspot-client.js';
import { AssociationBatchError } from '../errors/association-batch-error.js';
import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';

function setup() {
  const fake = createFakeHubSpot();
  const deal = fake.seed('deals', { dealname: 'Renewal' });
  const company = fake.seed('companies', { name: 'Acme' });
  const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
  return { fake, deal, company, hubspot };
}

describe('associations', () => {
  it('links deal to company with the default type when none is given', async () => {
    const { fake, deal, company, hubspot } = setup();
    await hubspot.associations.createDefault('deals', deal.id, 'companies', company.id);
    expect(fake.state.requests[0]?.path).toBe(
      `/crm/v4/objects/deals/${deal.id}/associations/default/companies/${company.id}`,
    );
    const links = fake.state.associations.filter(
      (link) => link.fromType === 'deals' && link.toType === 'companies',
    );
    expect(links.map((link) => link.typeId)).toEqual([341]);
  });

  it('rejects a contact-to-company type on a deal-to-company pair before any request', async () => {
    const { fake, deal, company, hubspot } = setup();
    const error = await hubspot.associations
      .create('deals', deal.id, 'companies', company.id, [
        { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 },
      ])
      .catch((caught) => caught);
    expect(HubSpotValidationError.isInstance(error)).toBe(true);
    expect((error as HubSpotValidationError).code).toBe('WRONG_ASSOCIATION_DIRECTION');
    expect((error as Error).message).toContain('279 links contacts -> companies, not deals -> companies');
    expect((error as Error).message).toContain('341 (unlabeled), 5 (Primary)');
    expect(fake.state.requests).toHaveLength(0);
  });

  it('rejects a type from the opposite direction', async () => {
    const { fake, deal, company, hubspot } = setup();
    const error = await hubspot.associations
      .create('deals', deal.id, 'companies', company.id, [
        { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 342 },
      ])
      .catch((caught) => caught);
    expect((error as HubSpotValidationError).code).toBe('WRONG_ASSOCIATION_DIRECTION');
    expect(fake.state.requests).toHaveLength(0);
  });

  it('rejects an empty types list', async () => {
    const { fake, deal, company, hubspot } = setup();
    const error = await hubspot.associations
      .create('deals', deal.id, 'companies', company.id, [])
      .catch((caught) => caught);
    expect((error as HubSpotValidationError).code).toBe('EMPTY_ASSOCIATION_TYPES');
    await expect(
      hubspot.associations.batchCreate('deals', 'companies', [
        { fromId: deal.id, toId: company.id, types: [] },
      ]),
    ).rejects.toThrow(/types for deals -> companies is empty/);
    expect(fake.state.requests).toHaveLength(0);
  });

  it('links with a labelled type', async () => {
    const { fake, deal, company, hubspot } = setup();
    await hubspot.associations.create('deals', deal.id, 'companies', company.id, [
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 },
    ]);
    const inverse = fake.state.associations.find(
      (link) => link.fromType === 'companies' && link.fromId === company.id,
    );
    expect(inverse?.typeId).toBe(6);
  });

  it('fails a batch that created fewer links than asked, listing the missing pairs', async () => {
    const created = {
      status: 207,
      json: {
        status: 'COMPLETE',
        results: [
          { fromObjectTypeId: '0-3', fromObjectId: 1, toObjectTypeId: '0-2', toObjectId: 10, labels: [] },
        ],
        errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'missing' }],
      },
    };
    const { transport } = scriptedTransport([created]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport });
    const error = await hubspot.associations
      .batchCreate('deals', 'companies', [
        { fromId: '1', toId: '10' },
        { fromId: '2', toId: '20' },
        { fromId: '3', toId: '30' },
      ])
      .catch((caught) => caught);
    expect(AssociationBatchError.isInstance(error)).toBe(true);
    expect((error as AssociationBatchError).missing).toEqual([
      { fromId: '2', toId: '20' },
      { fromId: '3', toId: '30' },
    ]);
    expect((error as Error).message).toContain('deals 2 -> companies 20, deals 3 -> companies 30');
  });

  it('batch-links through the default endpoint when no types are given', async () => {
    const { fake, deal, company, hubspot } = setup();
    const other = fake.seed('companies', { name: 'Other' });
    await hubspot.associations.batchCreate('deals', 'companies', [
      { fromId: deal.id, toId: company.id },
      { fromId: deal.id, toId: other.id },
    ]);
    expect(fake.state.requests[0]?.path).toBe('/crm/v4/associations/deals/companies/batch/associate/default');
    const linked = await hubspot.associations.batchRead('deals', 'companies', [deal.id]);
    expect(linked.get(deal.id)?.map((link) => link.toObjectId)).toEqual([company.id, other.id]);
  });

  it('creates records with associations resolved to default types', async () => {
    const { fake, company, hubspot } = setup();
    const contact = await hubspot.contacts.create({
      properties: { email: 'a@x.com' },
      associateWith: [{ objectType: 'companies', id: company.id }],
    });
    const body = fake.state.requests[0]?.body as { associations: unknown };
    expect(body.associations).toEqual([
      { to: { id: company.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] },
    ]);
    const listed = await hubspot.associations.list('companies', company.id, 'contacts').toArray();
    expect(listed.map((link) => [link.toObjectId, link.associationTypes[0]?.typeId])).toEqual([
      [contact.id, 280],
    ]);
  });
});
