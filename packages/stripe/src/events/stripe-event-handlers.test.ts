import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Invoice } from '../schemas/invoice.js';
import { stripeEventHandlers } from './stripe-event-handlers.js';
import { stripeEventSchemas } from './stripe-event-schemas.js';

describe('stripeEventHandlers', () => {
  it('pairs each handler with its event schema', () => {
    const handle = () => {};
    const handlers = stripeEventHandlers({ 'invoice.paid': handle });
    expect(Object.keys(handlers)).toEqual(['invoice.paid']);
    expect(handlers['invoice.paid'].schema).toBe(stripeEventSchemas['invoice.paid']);
    expect(handlers['invoice.paid'].handle).toBe(handle);
  });

  it('types each handler by its event', () => {
    stripeEventHandlers({
      'invoice.payment_failed': (event) => {
        expectTypeOf(event.type).toEqualTypeOf<'invoice.payment_failed'>();
        expectTypeOf(event.data.object).toEqualTypeOf<Invoice>();
      },
      'payment_intent.payment_failed': (event) => {
        expectTypeOf(event.data.object.last_payment_error).toExtend<
          { decline_code?: string | null | undefined } | null | undefined
        >();
      },
    });
  });

  it('rejects a type without a schema', () => {
    expect(() => stripeEventHandlers({ 'charge.refunded': () => {} } as never)).toThrow(
      'stripeEventHandlers has no schema for "charge.refunded"',
    );
  });
});
