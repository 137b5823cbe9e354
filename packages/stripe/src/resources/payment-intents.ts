import type { Paginator } from '@patchbay/core';
import { requireId } from '../client/require-id.js';
import type { StripeCallOptions } from '../client/stripe-call-options.js';
import { type StripeRequester, stripePath } from '../client/stripe-requester.js';
import type { FormParams, FormValue } from '../form/encode-form.js';
import { assertMinorUnitAmount, normalizeCurrency } from '../money/currency-units.js';
import type { StripeList } from '../schemas/common.js';
import { type PaymentIntent, paymentIntentSchema } from '../schemas/payment-intent.js';

/**
 * Parameters of creating a payment intent. Other Stripe parameters pass through as given.
 * Fields: docs.stripe.com/api/payment_intents/create.
 */
export interface PaymentIntentCreateParams {
  /**
   * In the currency's smallest unit as a positive whole number: 1050 for 10.50 USD, 500 for
   * 500 JPY. `toMinorUnits('10.50', 'usd')` converts a decimal amount.
   */
  amount: number;
  /** Three-letter ISO code; sent in lower case. */
  currency: string;
  customer?: string;
  /** A saved payment method or a test id such as `pm_card_visa`; never raw card numbers. */
  payment_method?: string;
  /** Confirms in the same call, so the result is `succeeded`, `requires_action` or a card error. */
  confirm?: boolean;
  /** The customer is not present, as in a scheduled charge; a card needing 3DS then fails. */
  off_session?: boolean;
  description?: string;
  receipt_email?: string;
  metadata?: Record<string, string>;
  automatic_payment_methods?: { enabled: boolean; allow_redirects?: 'always' | 'never' };
  payment_method_types?: string[];
  [param: string]: FormValue;
}

export interface PaymentIntentConfirmParams {
  payment_method?: string;
  off_session?: boolean;
  /** The URL the customer returns to after authenticating off-site. */
  return_url?: string;
  [param: string]: FormValue;
}

export interface PaymentIntentCancelParams {
  cancellation_reason?: 'duplicate' | 'fraudulent' | 'requested_by_customer' | 'abandoned';
}

export interface PaymentIntentListParams {
  /** Only this customer's payment intents. */
  customer?: string;
  limit?: number;
  starting_after?: string;
  ending_before?: string;
  created?: { gt?: number; gte?: number; lt?: number; lte?: number } | number;
  [param: string]: FormValue;
}

export interface PaymentIntentsResource {
  /**
   * Creates a payment intent after checking `amount` and `currency` locally. Its
   * `client_secret` goes to the front end (Stripe.js) to collect or authenticate the payment.
   */
  create(params: PaymentIntentCreateParams, options?: StripeCallOptions): Promise<PaymentIntent>;
  retrieve(id: string, options?: StripeCallOptions): Promise<PaymentIntent>;
  /** A declined card rejects with `StripeCardError`; 3D Secure leaves status `requires_action`. */
  confirm(
    id: string,
    params?: PaymentIntentConfirmParams,
    options?: StripeCallOptions,
  ): Promise<PaymentIntent>;
  cancel(id: string, params?: PaymentIntentCancelParams, options?: StripeCallOptions): Promise<PaymentIntent>;
  list(
    params?: PaymentIntentListParams,
    options?: StripeCallOptions,
  ): Paginator<StripeList<PaymentIntent>, PaymentIntent>;
}

export function createPaymentIntentsResource(requester: StripeRequester): PaymentIntentsResource {
  const path = (id: string) => stripePath`/v1/payment_intents/${requireId(id, 'id', 'pi_')}`;
  return {
    create: async (params, options) => {
      const currency = normalizeCurrency(params?.currency);
      assertMinorUnitAmount(params.amount, currency);
      if (params.customer !== undefined) requireId(params.customer, 'customer', 'cus_');
      return requester.post(
        '/v1/payment_intents',
        { ...params, currency },
        paymentIntentSchema,
        options,
        'payment_intents.create',
      );
    },
    retrieve: async (id, options) =>
      requester.get(path(id), undefined, paymentIntentSchema, options, 'payment_intents.retrieve'),
    confirm: async (id, params = {}, options) =>
      requester.post(`${path(id)}/confirm`, params, paymentIntentSchema, options, 'payment_intents.confirm'),
    cancel: async (id, params = {}, options) =>
      requester.post(
        `${path(id)}/cancel`,
        { ...params },
        paymentIntentSchema,
        options,
        'payment_intents.cancel',
      ),
    list: (params = {}, options) => {
      if (params.customer !== undefined) requireId(params.customer, 'customer', 'cus_');
      return requester.list(
        '/v1/payment_intents',
        params as FormParams,
        paymentIntentSchema,
        options,
        'payment_intents.list',
      );
    },
  };
}
