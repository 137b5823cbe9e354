import { createHubSpotClient } from '@patchbay/hubspot';

const hubspot = createHubSpotClient({
  accessToken: process.env.HUBSPOT_ACCESS_TOKEN ?? '',
  tier: 'professional',
});

// Push a qualified lead: one contact per email, one deal per contact and pipeline, and a note on both.
export async function pushQualifiedLead(lead: {
  email: string;
  firstName: string;
  company: string;
  value: number;
}) {
  const { record: contact } = await hubspot.contacts.createOrUpdateByEmail(lead.email, {
    firstname: lead.firstName,
    company: lead.company,
    lifecyclestage: 'salesqualifiedlead',
  });

  const { record: deal } = await hubspot.deals.upsertForContact({
    contactId: contact.id,
    pipeline: 'Sales Pipeline',
    stage: 'Qualified To Buy',
    properties: { dealname: `${lead.company} - inbound`, amount: lead.value },
  });

  await hubspot.notes.createNote({
    body: `Qualified by the website form; estimated value ${lead.value}.`,
    associateWith: [
      { objectType: 'contacts', id: contact.id },
      { objectType: 'deals', id: deal.id },
    ],
  });
  return { contactId: contact.id, dealId: deal.id };
}
