import { createHubSpotClient } from '@patchbay/hubspot';

const hubspot = createHubSpotClient({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN ?? '' });

export async function linkDealToCompany(dealId: string, companyId: string) {
  // HubSpot's default (unlabeled) type for the pair.
  await hubspot.associations.createDefault('deals', dealId, 'companies', companyId);
  // A labelled type: 5 is "Primary" for deal -> company. A type id of another pair or direction
  // (such as 279, contact -> company) is rejected before any request.
  await hubspot.associations.create('deals', dealId, 'companies', companyId, [
    { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 },
  ]);
}

// Many links in one call; fewer links than asked throws an AssociationBatchError naming the missing pairs.
export async function attachContacts(dealId: string, contactIds: string[]) {
  await hubspot.associations.batchCreate(
    'deals',
    'contacts',
    contactIds.map((contactId) => ({ fromId: dealId, toId: contactId })),
  );
}
