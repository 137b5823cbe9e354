import { type CrmObject, createHubSpotClient, SearchWindowError } from '@patchbay/hubspot';

const hubspot = createHubSpotClient({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN ?? '' });

const openDeals = {
  filters: [{ propertyName: 'dealstage', operator: 'NOT_IN' as const, values: ['closedwon', 'closedlost'] }],
  properties: ['dealname', 'amount', 'dealstage'],
  limit: 200,
};

// searchAll pages with `after` and stops at HubSpot's 10,000-result window with a SearchWindowError.
export async function firstOpenDeals(): Promise<CrmObject[]> {
  const deals: CrmObject[] = [];
  try {
    for await (const deal of hubspot.deals.searchAll(openDeals)) deals.push(deal);
  } catch (error) {
    if (!SearchWindowError.isInstance(error)) throw error;
  }
  return deals;
}

// searchById walks every match by hs_object_id, past the window.
export async function countOpenDeals(): Promise<number> {
  let count = 0;
  for await (const _deal of hubspot.deals.searchById(openDeals)) count += 1;
  return count;
}
