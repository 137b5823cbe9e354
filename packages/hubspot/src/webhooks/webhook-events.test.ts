import { readJsonFixture } from '@patchbay/test-utils';
import { describe, expect, it } from 'vitest';
import {
  hubSpotWebhookDeliverySchema,
  hubSpotWebhookEventSchema,
  parseHubSpotWebhookDelivery,
} from './webhook-events.js';

interface FixtureDelivery {
  subscriptionType: string;
  raw_body?: string;
  events?: unknown[];
}

const fixture = readJsonFixture<{ deliveries: FixtureDelivery[] }>('hubspot/webhook-deliveries.json');

describe('webhook delivery schemas', () => {
  it('parse every recorded delivery', () => {
    expect(fixture.deliveries).toHaveLength(4);
    for (const delivery of fixture.deliveries) {
      const events = parseHubSpotWebhookDelivery(delivery.raw_body ?? delivery.events);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.subscriptionType).toBe(delivery.subscriptionType);
        expect(hubSpotWebhookEventSchema.safeParse(event).success).toBe(true);
      }
    }
  });

  it('reads property changes, including redacted values', () => {
    const sensitive = fixture.deliveries[3] as FixtureDelivery;
    const [event] = parseHubSpotWebhookDelivery(sensitive.events);
    expect(event).toMatchObject({
      subscriptionType: 'contact.propertyChange',
      propertyName: 'passport_number',
      propertyValue: 'REDACTED',
      objectId: 847297356,
    });
  });

  it('parses association changes and deletions', () => {
    const events = hubSpotWebhookDeliverySchema.parse([
      {
        eventId: 1,
        subscriptionId: 2,
        portalId: 3,
        appId: 4,
        occurredAt: 5,
        attemptNumber: 0,
        subscriptionType: 'contact.associationChange',
        associationType: 'CONTACT_TO_COMPANY',
        fromObjectId: 10,
        toObjectId: 20,
        associationRemoved: false,
        isPrimaryAssociation: true,
      },
      {
        eventId: 2,
        subscriptionId: 2,
        portalId: 3,
        appId: 4,
        occurredAt: 5,
        attemptNumber: 0,
        subscriptionType: 'deal.associationChange',
        associationType: 'DEAL_TO_CONTACT',
        fromObjectId: 11,
        toObjectId: 21,
        associationRemoved: true,
      },
      {
        eventId: 3,
        subscriptionId: 2,
        portalId: 3,
        appId: 4,
        occurredAt: 5,
        attemptNumber: 0,
        subscriptionType: 'contact.deletion',
        objectId: 10,
        changeFlag: 'DELETED',
      },
      {
        eventId: 4,
        subscriptionId: 2,
        portalId: 3,
        appId: 4,
        occurredAt: 5,
        attemptNumber: 0,
        subscriptionType: 'deal.creation',
        objectId: 12,
      },
    ]);
    expect(events.map((event) => event.subscriptionType)).toEqual([
      'contact.associationChange',
      'deal.associationChange',
      'contact.deletion',
      'deal.creation',
    ]);
  });

  it('keeps events of other subscription types', () => {
    const [event] = parseHubSpotWebhookDelivery(
      '[{"eventId":1,"subscriptionId":2,"portalId":3,"appId":4,"occurredAt":5,"attemptNumber":0,"subscriptionType":"ticket.creation","objectId":9}]',
    );
    expect(event?.subscriptionType).toBe('ticket.creation');
  });

  it('rejects a property change without its value', () => {
    const result = hubSpotWebhookEventSchema.safeParse({
      eventId: 1,
      subscriptionId: 2,
      portalId: 3,
      appId: 4,
      occurredAt: 5,
      attemptNumber: 0,
      subscriptionType: 'deal.propertyChange',
      objectId: 1,
      propertyName: 'amount',
    });
    expect(result.success).toBe(false);
  });
});
