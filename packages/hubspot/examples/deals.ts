import { createHubSpotClient, UnknownStageError } from '@patchbay/hubspot';

const hubspot = createHubSpotClient({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN ?? '' });

// Stages by label or id; pipelines are fetched once per client.
export async function markWon(dealId: string) {
  try {
    return await hubspot.deals.moveToStage(dealId, { stage: 'Closed Won', pipeline: 'Sales Pipeline' });
  } catch (error) {
    if (UnknownStageError.isInstance(error)) throw new Error(`Pick one of: ${error.validChoices.join(', ')}`);
    throw error;
  }
}

// Line items of a deal, for invoicing.
export async function invoiceLines(dealId: string) {
  const items = await hubspot.deals.lineItems(dealId);
  return items.map((item) => ({
    name: item.properties.name,
    quantity: Number(item.properties.quantity ?? 0),
    unitPrice: Number(item.properties.price ?? 0),
  }));
}

// Once per account, before upsertForContact: the unique property that keys one deal per contact.
export async function prepareAccount() {
  await hubspot.deals.ensureDealKeyProperty();
}
