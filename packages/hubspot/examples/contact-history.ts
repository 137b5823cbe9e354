import { createHubSpotClient } from '@patchbay/hubspot';

const hubspot = createHubSpotClient({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN ?? '' });

// The contact and its 5 most recent notes, emails, calls, meetings, deals and companies, read with
// batch requests: 1 + 6 + one per 100 linked records of each type.
export async function timeline(contactId: string) {
  const history = await hubspot.contacts.getWithHistory(contactId, {
    limit: 5,
    properties: ['email', 'firstname'],
  });
  return {
    email: history.contact.properties.email,
    lastNote: history.notes[0]?.properties.hs_note_body,
    openDeals: history.deals.filter((deal) => deal.properties.dealstage !== 'closedlost').length,
    companies: history.companies.map((company) => company.properties.name),
  };
}
