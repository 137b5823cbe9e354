import { readFileSync } from 'node:fs';

const objects = JSON.parse(
  readFileSync(new URL('../../../fixtures/stripe/objects.json', import.meta.url), 'utf8'),
);

export const stripeCustomerId = 'cus_QXg1o8vcGmoR32';
export const hubSpotContactId = '51';
export const batchSize = 100;

/**
 * Stripe's customer object from the OpenAPI fixture, with the fields a real customer has filled
 * in (email, name, phone, metadata). Serialized it is about 1 KB.
 */
export const stripeCustomer = {
  ...objects.resources.customer,
  id: stripeCustomerId,
  email: 'ada.lovelace@example.com',
  name: 'Ada Lovelace',
  phone: '+14155550100',
  description: 'Analytical engine account',
  metadata: { crm_id: '90210', plan: 'growth' },
};

function contactRecord(id, index) {
  const at = new Date(Date.UTC(2026, 10, 1, 9, 30, index % 60)).toISOString();
  return {
    id,
    properties: {
      createdate: at,
      email: `lead.${index}@northwind.example`,
      firstname: 'Grace',
      hs_object_id: id,
      lastmodifieddate: at,
      lastname: 'Hopper',
      lifecyclestage: 'lead',
    },
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
}

/** A contact as `GET /crm/v3/objects/contacts/{id}` returns it with the default properties. */
export const hubSpotContact = contactRecord(hubSpotContactId, 0);

/** Builds the inputs of one batch create request: 100 contacts. */
export function batchCreateInputs() {
  return Array.from({ length: batchSize }, (_, index) => ({
    properties: {
      email: `lead.${index}@northwind.example`,
      firstname: 'Grace',
      lastname: 'Hopper',
      lifecyclestage: 'lead',
    },
  }));
}

/**
 * The 201 body of a batch create of 100 contacts (about 36 KB). Each result echoes the
 * `objectWriteTraceId` its input carried, as the HubSpot fake does. Clients that send none ignore it.
 */
export const hubSpotBatchCreateResponse = {
  status: 'COMPLETE',
  results: Array.from({ length: batchSize }, (_, index) => ({
    ...contactRecord(String(1000 + index), index),
    objectWriteTraceId: String(index),
  })),
  startedAt: '2026-11-01T09:30:00.000Z',
  completedAt: '2026-11-01T09:30:00.120Z',
};
