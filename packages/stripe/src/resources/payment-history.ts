import { requireId } from '../client/require-id.js';
import type { StripeCallOptions } from '../client/stripe-call-options.js';
import { CustomerMismatchError } from '../errors/customer-mismatch-error.js';
import { expandableId } from '../schemas/common.js';
import type { Invoice } from '../schemas/invoice.js';
import type { PaymentIntent } from '../schemas/payment-intent.js';
import type { Refund } from '../schemas/refund.js';
import type { InvoicesResource } from './invoices.js';
import type { PaymentIntentsResource } from './payment-intents.js';
import type { RefundsResource } from './refunds.js';

/** One row of a customer's payment history. */
export type PaymentHistoryEntry =
  | {
      kind: 'payment_intent';
      id: string;
      created: number;
      amount: number;
      currency: string;
      status: string;
      object: PaymentIntent;
    }
  | {
      kind: 'invoice';
      id: string;
      created: number;
      amount: number;
      currency: string;
      status: string;
      object: Invoice;
    }
  | {
      kind: 'refund';
      id: string;
      created: number;
      amount: number;
      currency: string;
      status: string;
      object: Refund;
    };

export type PaymentHistoryOptions = Pick<StripeCallOptions, 'signal' | 'stripeAccount' | 'retry' | 'timeout'>;

const kindOrder = { refund: 0, invoice: 1, payment_intent: 2 } as const;

/** Orders by creation time, newest first; within one second refunds come first, then invoices. */
function newestFirst(a: PaymentHistoryEntry, b: PaymentHistoryEntry): number {
  if (a.created !== b.created) return b.created - a.created;
  if (a.kind !== b.kind) return kindOrder[a.kind] - kindOrder[b.kind];
  return b.id.localeCompare(a.id);
}

function checkOwner(objectId: string, owner: string | undefined, expected: string): void {
  if (owner !== expected) throw new CustomerMismatchError({ objectId, expected, actual: owner });
}

/**
 * Builds `paymentHistory`: a customer's payment intents, invoices and the refunds of their
 * payment intents, newest first. It fails closed: an id that is missing, blank or a stringified
 * `undefined`/`null` throws before any request, because Stripe's list endpoints treat a missing
 * `customer` filter as "every customer". Every returned row is checked against the customer.
 */
export function createPaymentHistory(resources: {
  paymentIntents: PaymentIntentsResource;
  invoices: InvoicesResource;
  refunds: RefundsResource;
}) {
  return async function paymentHistory(
    customerId: string,
    options: PaymentHistoryOptions = {},
  ): Promise<PaymentHistoryEntry[]> {
    const customer = requireId(customerId, 'customerId', 'cus_');
    const entries: PaymentHistoryEntry[] = [];

    const paymentIntents: PaymentIntent[] = [];
    for await (const intent of resources.paymentIntents.list({ customer, limit: 100 }, options)) {
      checkOwner(intent.id, expandableId(intent.customer), customer);
      paymentIntents.push(intent);
      entries.push({
        kind: 'payment_intent',
        id: intent.id,
        created: intent.created,
        amount: intent.amount,
        currency: intent.currency,
        status: intent.status,
        object: intent,
      });
    }

    for await (const invoice of resources.invoices.list({ customer, limit: 100 }, options)) {
      checkOwner(invoice.id, expandableId(invoice.customer), customer);
      entries.push({
        kind: 'invoice',
        id: invoice.id,
        created: invoice.created,
        amount: invoice.total,
        currency: invoice.currency,
        status: invoice.status ?? 'unknown',
        object: invoice,
      });
    }

    // Refunds cannot be filtered by customer, so they are listed per payment intent that
    // received money. Source: docs.stripe.com/api/refunds/list.
    for (const intent of paymentIntents) {
      if ((intent.amount_received ?? 0) <= 0) continue;
      for await (const refund of resources.refunds.list({ payment_intent: intent.id, limit: 100 }, options)) {
        const owner = expandableId(refund.payment_intent);
        if (owner !== intent.id) {
          throw new CustomerMismatchError({
            objectId: refund.id,
            expected: customer,
            actual: `payment intent ${owner ?? 'none'}`,
          });
        }
        entries.push({
          kind: 'refund',
          id: refund.id,
          created: refund.created,
          amount: refund.amount,
          currency: refund.currency,
          status: refund.status ?? 'unknown',
          object: refund,
        });
      }
    }

    return entries.sort(newestFirst);
  };
}
