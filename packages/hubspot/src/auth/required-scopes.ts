// Scopes per operation, from HubSpot's scope reference
// (https://developers.hubspot.com/docs/guides/apps/authentication/scopes). Notes and other
// engagements are read and written under the scopes of the records they attach to.
// NOTE: the pipelines read scope is taken from the pipelines guide's deals examples; HubSpot lists
// no separate pipelines scope for deals.
export const requiredScopes = {
  'contacts.read': ['crm.objects.contacts.read'],
  'contacts.write': ['crm.objects.contacts.write'],
  'contacts.history': [
    'crm.objects.contacts.read',
    'crm.objects.deals.read',
    'crm.objects.companies.read',
    'sales-email-read',
  ],
  'companies.read': ['crm.objects.companies.read'],
  'companies.write': ['crm.objects.companies.write'],
  'deals.read': ['crm.objects.deals.read'],
  'deals.write': ['crm.objects.deals.write'],
  'deals.moveToStage': ['crm.objects.deals.read', 'crm.objects.deals.write'],
  'deals.upsertForContact': ['crm.objects.deals.write', 'crm.objects.contacts.write'],
  'deals.ensureDealKeyProperty': ['crm.schemas.deals.read', 'crm.schemas.deals.write'],
  'deals.lineItems': ['crm.objects.deals.read', 'crm.objects.line_items.read'],
  'lineItems.write': ['crm.objects.line_items.write'],
  'notes.write': ['crm.objects.contacts.write'],
  'associations.write': [
    'crm.objects.contacts.write',
    'crm.objects.companies.write',
    'crm.objects.deals.write',
  ],
  'properties.read': ['crm.schemas.contacts.read', 'crm.schemas.companies.read', 'crm.schemas.deals.read'],
} as const satisfies Record<string, readonly string[]>;

export type ScopedOperation = keyof typeof requiredScopes;

/** Returns the union of the scopes the given operations need, sorted, for `authorizeUrl`. */
export function scopesFor(operations: readonly ScopedOperation[]): string[] {
  return [...new Set(operations.flatMap((operation) => requiredScopes[operation]))].sort();
}
