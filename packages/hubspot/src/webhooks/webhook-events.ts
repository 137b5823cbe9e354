import { z } from 'zod';

// CRM webhook deliveries: each POST body is a JSON array of events
// (https://developers.hubspot.com/docs/guides/api/app-management/webhooks#webhook-payloads).
const eventBase = {
  eventId: z.number(),
  subscriptionId: z.number(),
  portalId: z.number(),
  appId: z.number(),
  occurredAt: z.number(),
  attemptNumber: z.number(),
  changeSource: z.string().optional(),
  sourceId: z.string().optional(),
};

const objectEvent = { ...eventBase, objectId: z.number() };

export const contactCreationEventSchema = z.looseObject({
  ...objectEvent,
  subscriptionType: z.literal('contact.creation'),
  changeFlag: z.string().optional(),
});

export const contactDeletionEventSchema = z.looseObject({
  ...objectEvent,
  subscriptionType: z.literal('contact.deletion'),
  changeFlag: z.string().optional(),
});

export const contactPropertyChangeEventSchema = z.looseObject({
  ...objectEvent,
  subscriptionType: z.literal('contact.propertyChange'),
  propertyName: z.string(),
  /** The new value; sensitive properties arrive as `REDACTED`. */
  propertyValue: z.string(),
});

export const dealCreationEventSchema = z.looseObject({
  ...objectEvent,
  subscriptionType: z.literal('deal.creation'),
  changeFlag: z.string().optional(),
});

export const dealPropertyChangeEventSchema = z.looseObject({
  ...objectEvent,
  subscriptionType: z.literal('deal.propertyChange'),
  propertyName: z.string(),
  propertyValue: z.string(),
});

const associationChange = {
  ...eventBase,
  /** Such as `CONTACT_TO_COMPANY`. */
  associationType: z.string(),
  fromObjectId: z.number(),
  toObjectId: z.number(),
  associationRemoved: z.boolean(),
  isPrimaryAssociation: z.boolean().optional(),
};

export const contactAssociationChangeEventSchema = z.looseObject({
  ...associationChange,
  subscriptionType: z.literal('contact.associationChange'),
});

export const dealAssociationChangeEventSchema = z.looseObject({
  ...associationChange,
  subscriptionType: z.literal('deal.associationChange'),
});

/** One CRM webhook event of a subscription type this package models. */
export const hubSpotWebhookEventSchema = z.discriminatedUnion('subscriptionType', [
  contactCreationEventSchema,
  contactDeletionEventSchema,
  contactPropertyChangeEventSchema,
  dealCreationEventSchema,
  dealPropertyChangeEventSchema,
  contactAssociationChangeEventSchema,
  dealAssociationChangeEventSchema,
]);

export type HubSpotWebhookEvent = z.infer<typeof hubSpotWebhookEventSchema>;

/** An event of another subscription type, kept with its common fields so deliveries still parse. */
export const otherWebhookEventSchema = z.looseObject({ ...eventBase, subscriptionType: z.string() });

/** One delivery: a JSON array of events (HubSpot sends at most 100 per request). */
export const hubSpotWebhookDeliverySchema = z.array(
  z.union([hubSpotWebhookEventSchema, otherWebhookEventSchema]),
);

export type HubSpotWebhookDelivery = z.infer<typeof hubSpotWebhookDeliverySchema>;

/** Parses a verified delivery body (the raw string or the parsed JSON). */
export function parseHubSpotWebhookDelivery(body: unknown): HubSpotWebhookDelivery {
  return hubSpotWebhookDeliverySchema.parse(typeof body === 'string' ? JSON.parse(body) : body);
}
