import { requireId } from '../client/require-id.js';
import type { StripeCallOptions } from '../client/stripe-call-options.js';
import { type StripeRequester, stripePath } from '../client/stripe-requester.js';
import { type PaymentMethod, paymentMethodSchema } from '../schemas/payment-method.js';

export interface PaymentMethodsResource {
  retrieve(id: string, options?: StripeCallOptions): Promise<PaymentMethod>;
  /**
   * Attaches a payment method to a customer so invoices and off-session payments can use it.
   * In test mode, attaching an id such as `pm_card_visa` returns a new `pm_...` id to use from then on.
   */
  attach(id: string, params: { customer: string }, options?: StripeCallOptions): Promise<PaymentMethod>;
  detach(id: string, options?: StripeCallOptions): Promise<PaymentMethod>;
}

export function createPaymentMethodsResource(requester: StripeRequester): PaymentMethodsResource {
  const path = (id: string) => stripePath`/v1/payment_methods/${requireId(id, 'id', 'pm_')}`;
  return {
    retrieve: async (id, options) =>
      requester.get(path(id), undefined, paymentMethodSchema, options, 'payment_methods.retrieve'),
    attach: async (id, params, options) => {
      const customer = requireId(params?.customer, 'customer', 'cus_');
      return requester.post(
        `${path(id)}/attach`,
        { customer },
        paymentMethodSchema,
        options,
        'payment_methods.attach',
      );
    },
    detach: async (id, options) =>
      requester.post(`${path(id)}/detach`, {}, paymentMethodSchema, options, 'payment_methods.detach'),
  };
}
