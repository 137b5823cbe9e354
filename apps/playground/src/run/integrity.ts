import type { FakeHubSpot } from '@patchbay/hubspot/testing';
import type { FakeStripe } from '@patchbay/stripe/testing';
import type { Integrity } from '../report/run-report.js';

function duplicates(keys: ReadonlyArray<string | undefined | null>): number {
  const seen = new Map<string, number>();
  for (const key of keys) if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  return [...seen.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
}

/** Counts records the fakes hold twice: contacts per email, deals per key, customers per email, invoices per deal. */
export function checkIntegrity(hubspot: FakeHubSpot, stripe: FakeStripe): Integrity {
  return {
    duplicateContacts: duplicates(
      hubspot.state.contacts.map((record) => record.properties.email?.toLowerCase()),
    ),
    duplicateDeals: duplicates(hubspot.state.deals.map((record) => record.properties.patchbay_deal_key)),
    duplicateCustomers: duplicates(stripe.state.customers.map((customer) => customer.email?.toLowerCase())),
    duplicateInvoices: duplicates(
      stripe.state.invoices
        .filter((invoice) => invoice.status !== 'void')
        .map((invoice) => invoice.metadata?.hubspot_deal_id),
    ),
  };
}
