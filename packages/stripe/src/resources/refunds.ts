import type { Paginator } from '@patchbay/core';
import { requireId } from '../client/require-id.js';
import type { StripeCallOptions } from '../client/stripe-call-options.js';
import { type StripeRequester, stripePath } from '../client/stripe-requester.js';
import { StripeArgumentError } from '../errors/stripe-argument-error.js';
import type { FormParams, FormValue } from '../form/encode-form.js';
import type { StripeList } from '../schemas/common.js';
import { type Refund, refundSchema } from '../schemas/refund.js';

/** Parameters of refunding a payment. Fields: docs.stripe.com/api/refunds/create. */
export interface RefundCreateParams {
  payment_intent: string;
  /** Part of the payment to refund, in minor units. @default the whole remaining amount */
  amount?: number;
  reason?: 'duplicate' | 'fraudulent' | 'requested_by_customer';
  metadata?: Record<string, string>;
  [param: string]: FormValue;
}

export interface RefundListParams {
  /** Only refunds of this payment intent. Stripe cannot filter refunds by customer. */
  payment_intent?: string;
  charge?: string;
  limit?: number;
  starting_after?: string;
  ending_before?: string;
  [param: string]: FormValue;
}

export interface RefundsResource {
  create(params: RefundCreateParams, options?: StripeCallOptions): Promise<Refund>;
  retrieve(id: string, options?: StripeCallOptions): Promise<Refund>;
  list(params?: RefundListParams, options?: StripeCallOptions): Paginator<StripeList<Refund>, Refund>;
}

export function createRefundsResource(requester: StripeRequester): RefundsResource {
  return {
    create: async (params, options) => {
      requireId(params?.payment_intent, 'payment_intent', 'pi_');
      if (params.amount !== undefined && (!Number.isSafeInteger(params.amount) || params.amount <= 0)) {
        throw new StripeArgumentError(
          `amount must be a positive whole number of minor units; received ${String(params.amount)}.`,
          {
            argument: 'amount',
          },
        );
      }
      return requester.post('/v1/refunds', params, refundSchema, options, 'refunds.create');
    },
    retrieve: async (id, options) =>
      requester.get(
        stripePath`/v1/refunds/${requireId(id, 'id', 're_')}`,
        undefined,
        refundSchema,
        options,
        'refunds.retrieve',
      ),
    list: (params = {}, options) => {
      if (params.payment_intent !== undefined) requireId(params.payment_intent, 'payment_intent', 'pi_');
      return requester.list('/v1/refunds', params as FormParams, refundSchema, options, 'refunds.list');
    },
  };
}
