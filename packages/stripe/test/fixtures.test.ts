import { readdirSync } from 'node:fs';
import { fixturePath, readJsonFixture } from '@patchbay/test-utils';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { stripeEventSchema, stripeEventSchemas } from '../src/events/stripe-event-schemas.js';
import { customerSchema } from '../src/schemas/customer.js';
import { invoiceItemSchema, invoiceSchema } from '../src/schemas/invoice.js';
import { paymentIntentSchema } from '../src/schemas/payment-intent.js';

const objects = readJsonFixture<{ resources: Record<string, unknown> }>('stripe/objects.json').resources;
const eventFiles = readdirSync(fixturePath('stripe/events')).filter((name) => name.endsWith('.json'));

function issues(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  return result.success ? '' : JSON.stringify(result.error.issues);
}

describe('schemas on objects.json (API version 2026-07-29)', () => {
  const cases: Array<[string, z.ZodType]> = [
    ['customer', customerSchema],
    ['payment_intent', paymentIntentSchema],
    ['invoice', invoiceSchema],
    ['invoiceitem', invoiceItemSchema],
    ['event', stripeEventSchema],
  ];

  it('covers every resource in the fixture', () => {
    expect(Object.keys(objects).sort()).toEqual(cases.map(([name]) => name).sort());
  });

  for (const [name, schema] of cases) {
    it(`parses the ${name}`, () => {
      expect(issues(schema, objects[name])).toBe('');
    });
  }

  it('keeps fields the schema does not name', () => {
    const parsed = paymentIntentSchema.parse(objects.payment_intent);
    expect(parsed.amount).toBe(1099);
    expect(parsed.client_secret).toBe('pi_1PgafyB7WZ01zgkWSjxsAJo3_secret_Dm43xiq1k0ywrRRjDoi8y1gkM');
    expect((parsed as Record<string, unknown>).managed_payments).toEqual({ enabled: true });
  });
});

describe('schemas on event envelopes (API version 2020-08-27)', () => {
  it('finds the event fixtures', () => {
    expect(eventFiles.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of eventFiles) {
    it(`parses ${file}`, () => {
      const event = readJsonFixture<{ type: string }>(`stripe/events/${file}`);
      expect(issues(stripeEventSchema, event)).toBe('');
      const specific = stripeEventSchemas[event.type as keyof typeof stripeEventSchemas];
      if (specific) expect(issues(specific, event)).toBe('');
    });
  }

  it('narrows a known type to its typed object', () => {
    const event = stripeEventSchema.parse(readJsonFixture('stripe/events/invoice.paid.json'));
    if (event.type !== 'invoice.paid') throw new Error(`expected invoice.paid, parsed ${event.type}`);
    expect(event.data.object.status).toBe('paid');
    expect(event.data.object.amount_paid).toBe(2000);
  });

  it('rejects a known type whose object does not match', () => {
    const event = readJsonFixture<Record<string, unknown>>('stripe/events/payment_intent.succeeded.json');
    const broken = { ...event, data: { object: { id: 'pi_1', object: 'payment_intent', amount: 'ten' } } };
    expect(stripeEventSchema.safeParse(broken).success).toBe(false);
  });
});
