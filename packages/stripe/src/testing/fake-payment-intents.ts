import { threeDecimalCurrencies } from '../money/currency-units.js';
import type { PaymentIntent } from '../schemas/payment-intent.js';
import type { FakeContext, FakeRouteHandler } from './fake-context.js';
import { findCustomer } from './fake-customers.js';
import { listResponse, searchResponse } from './fake-lists.js';
import { applyMetadata } from './fake-params.js';
import { confirmIntent, findPaymentIntent, newPaymentIntent } from './fake-payment-confirmation.js';
import { resolvePaymentMethod } from './fake-payment-methods.js';
import { invalidParam, missingParam, unexpectedState } from './fake-stripe-error.js';

const paymentIntentFields = {
  object: 'payment_intent',
  strings: ['currency', 'customer', 'status', 'description'],
  numbers: ['amount', 'created'],
} as const;

/** Checks an amount as Stripe does: a positive integer, at most eight digits, three-decimal rule. */
export function readAmount(context: FakeContext, currency: string): number {
  const amount = context.params.integer('amount');
  if (amount === undefined) throw missingParam('amount');
  if (amount < 1)
    throw invalidParam(
      'amount',
      'This value must be greater than or equal to 1.',
      'parameter_invalid_integer',
    );
  if (amount > 99_999_999)
    throw invalidParam('amount', 'Amount must be no more than 99,999,999.', 'amount_too_large');
  if (threeDecimalCurrencies.has(currency) && amount % 10 !== 0) {
    throw invalidParam('amount', `Amounts in ${currency} must end in 0.`, 'invalid_amount');
  }
  return amount;
}

export function readCurrency(context: FakeContext): string {
  const currency = context.params.requiredString('currency').toLowerCase();
  if (!/^[a-z]{3}$/.test(currency))
    throw invalidParam('currency', `Invalid currency: ${currency}.`, 'invalid_currency');
  return currency;
}

const createIntent: FakeRouteHandler = (context) => {
  const currency = readCurrency(context);
  const amount = readAmount(context, currency);
  const customerId = context.params.string('customer');
  if (customerId !== undefined) findCustomer(context, customerId, 'customer');
  const paymentMethod = context.params.string('payment_method');
  if (paymentMethod !== undefined) resolvePaymentMethod(context, paymentMethod);
  if (context.params.string('capture_method') === 'manual') {
    throw invalidParam('capture_method', 'The fake Stripe supports capture_method=automatic only.');
  }
  const intent = newPaymentIntent(context, {
    amount,
    currency,
    customer: customerId ?? null,
    description: context.params.nullableString('description') ?? null,
    metadata: applyMetadata({}, context.params),
    paymentMethod: paymentMethod ?? null,
  });
  if (!context.params.boolean('confirm')) return intent;
  return confirmIntent(context, intent, undefined, context.params.boolean('off_session') ?? false);
};

const cancelIntent: FakeRouteHandler = (context) => {
  const current = findPaymentIntent(context, context.ids[0] as string);
  if (current.status === 'succeeded' || current.status === 'canceled') {
    throw unexpectedState(
      'payment_intent_unexpected_state',
      `You cannot cancel this PaymentIntent because it has a status of ${current.status}.`,
    );
  }
  const next: PaymentIntent = {
    ...structuredClone(current),
    status: 'canceled',
    canceled_at: context.nowSeconds(),
    cancellation_reason: context.params.string('cancellation_reason') ?? null,
    next_action: null,
  };
  context.save(context.account.paymentIntents, next);
  context.emit('payment_intent.canceled', next);
  return next;
};

export const paymentIntentRoutes: Array<[string, string, FakeRouteHandler]> = [
  ['POST', '/v1/payment_intents', createIntent],
  [
    'GET',
    '/v1/payment_intents',
    (context) => {
      const customer = context.params.string('customer');
      return listResponse(
        context,
        '/v1/payment_intents',
        'payment_intent',
        context.account.paymentIntents,
        (intent) => (customer === undefined ? true : intent.customer === customer),
      );
    },
  ],
  [
    'GET',
    '/v1/payment_intents/search',
    (context) => searchResponse(context, '/v1/payment_intents/search', paymentIntentFields),
  ],
  ['GET', '/v1/payment_intents/:id', (context) => findPaymentIntent(context, context.ids[0] as string)],
  [
    'POST',
    '/v1/payment_intents/:id/confirm',
    (context) => {
      const current = findPaymentIntent(context, context.ids[0] as string);
      return confirmIntent(
        context,
        current,
        context.params.string('payment_method'),
        context.params.boolean('off_session') ?? false,
      );
    },
  ],
  ['POST', '/v1/payment_intents/:id/cancel', cancelIntent],
];
