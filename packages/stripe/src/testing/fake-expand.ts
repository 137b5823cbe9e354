import type { FakeAccountState } from './fake-state.js';

const references: Record<string, (state: FakeAccountState) => Map<string, unknown>> = {
  customer: (state) => state.customers,
  payment_intent: (state) => state.paymentIntents,
  invoice: (state) => state.invoices,
  payment_method: (state) => state.paymentMethods,
};

function expandOne(state: FakeAccountState, target: Record<string, unknown>, field: string): void {
  const lookup = references[field];
  const id = target[field];
  if (!lookup || typeof id !== 'string') return;
  const found = lookup(state).get(id);
  if (found) target[field] = structuredClone(found);
}

/**
 * Replaces ids with objects for `expand[]` fields the fake supports (`customer`, `payment_intent`,
 * `invoice`, `payment_method`, also under `data.` for lists); other fields stay ids.
 * Source: docs.stripe.com/expand.
 */
export function expandFields(state: FakeAccountState, body: unknown, fields: readonly string[]): unknown {
  if (fields.length === 0 || body === null || typeof body !== 'object') return body;
  const result = structuredClone(body) as Record<string, unknown>;
  for (const field of fields) {
    if (field.startsWith('data.') && Array.isArray(result.data)) {
      for (const item of result.data as Array<Record<string, unknown>>)
        expandOne(state, item, field.slice(5));
    } else {
      expandOne(state, result, field);
    }
  }
  return result;
}
