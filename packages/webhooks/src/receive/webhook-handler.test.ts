import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { signStripeWebhook } from '../testing/index.js';
import { createStripeVerifier } from '../verify/stripe-verifier.js';
import { defineWebhookHandler, type WebhookEventContext, type WebhookHandler } from './webhook-handler.js';
import { createWebhookReceiver } from './webhook-receiver.js';

const secret = 'whsec_type_test_secret_0123456789ab';

const invoicePaid = z.object({
  id: z.string(),
  type: z.literal('invoice.paid'),
  data: z.object({ object: z.object({ amount_paid: z.number(), customer: z.string().nullable() }) }),
});

// A transform changes the output type; handlers receive the output, not the input.
const customerCreated = z.object({
  id: z.string(),
  type: z.literal('customer.created'),
  created: z.number().transform((seconds) => new Date(seconds * 1000)),
});

describe('handler types', () => {
  it('infers each handler event from its own schema', () => {
    createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [secret] }),
      handlers: {
        'invoice.paid': {
          schema: invoicePaid,
          handle: (event, context) => {
            expectTypeOf(event).toEqualTypeOf<z.output<typeof invoicePaid>>();
            expectTypeOf(event.data.object.amount_paid).toEqualTypeOf<number>();
            expectTypeOf(event.data.object.customer).toEqualTypeOf<string | null>();
            expectTypeOf(context).toEqualTypeOf<WebhookEventContext>();
          },
        },
        'customer.created': {
          schema: customerCreated,
          handle: (event) => {
            expectTypeOf(event.created).toEqualTypeOf<Date>();
            expectTypeOf(event.type).toEqualTypeOf<'customer.created'>();
          },
        },
      },
    });
  });

  it('infers the event type in defineWebhookHandler', () => {
    const handler = defineWebhookHandler(customerCreated, (event) => {
      expectTypeOf(event).toEqualTypeOf<{ id: string; type: 'customer.created'; created: Date }>();
    });
    expectTypeOf(handler).toEqualTypeOf<WebhookHandler<typeof customerCreated>>();
    expectTypeOf(handler.handle).parameter(0).toEqualTypeOf<z.output<typeof customerCreated>>();
  });

  it('rejects a handler whose parameter does not match its schema', () => {
    type InvoiceHandle = WebhookHandler<typeof invoicePaid>['handle'];
    type WrongHandle = (event: { data: { object: { amount_paid: string } } }) => void;
    expectTypeOf<WrongHandle>().not.toExtend<InvoiceHandle>();
    expectTypeOf<(event: z.output<typeof invoicePaid>) => void>().toExtend<InvoiceHandle>();
  });

  it('passes the transformed output at run time', async () => {
    const created: Date[] = [];
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [secret] }),
      handlers: {
        'customer.created': defineWebhookHandler(
          customerCreated,
          (event) => void created.push(event.created),
        ),
      },
    });
    const signed = signStripeWebhook({
      payload: { id: 'evt_t', type: 'customer.created', created: 1_700_000_000 },
      secret,
    });
    await receiver.handle({ rawBody: signed.body, headers: signed.headers });
    expect(created.map((date) => date.toISOString())).toEqual(['2023-11-14T22:13:20.000Z']);
  });
});
