import type { Refund } from '../schemas/refund.js';
import type { FakeRouteHandler } from './fake-context.js';
import { listResponse } from './fake-lists.js';
import { applyMetadata } from './fake-params.js';
import { findPaymentIntent } from './fake-payment-confirmation.js';
import { invalidParam, noSuch, unexpectedState } from './fake-stripe-error.js';

const createRefund: FakeRouteHandler = (context) => {
  const intent = findPaymentIntent(
    context,
    context.params.requiredString('payment_intent'),
    'payment_intent',
  );
  if (intent.status !== 'succeeded') {
    throw unexpectedState(
      'charge_not_refundable',
      `PaymentIntent ${intent.id} has status ${intent.status}; only succeeded payments can be refunded.`,
    );
  }
  const refunded = [...context.account.refunds.values()]
    .filter((refund) => refund.payment_intent === intent.id)
    .reduce((sum, refund) => sum + refund.amount, 0);
  const remaining = (intent.amount_received ?? 0) - refunded;
  if (remaining <= 0)
    throw unexpectedState('charge_already_refunded', `PaymentIntent ${intent.id} has already been refunded.`);
  const amount = context.params.integer('amount') ?? remaining;
  if (amount < 1)
    throw invalidParam(
      'amount',
      'This value must be greater than or equal to 1.',
      'parameter_invalid_integer',
    );
  if (amount > remaining) {
    throw invalidParam(
      'amount',
      `Refund amount (${amount}) is greater than the unrefunded amount (${remaining}).`,
      'amount_too_large',
    );
  }

  const refund: Refund = {
    id: context.newId('re', 24),
    object: 'refund',
    amount,
    currency: intent.currency,
    created: context.nowSeconds(),
    status: 'succeeded',
    reason:
      context.params.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null,
    charge: (intent.latest_charge as string | null | undefined) ?? null,
    payment_intent: intent.id,
    metadata: applyMetadata({}, context.params),
  };
  context.save(context.account.refunds, refund);
  context.emit('refund.created', refund);
  return refund;
};

export const refundRoutes: Array<[string, string, FakeRouteHandler]> = [
  ['POST', '/v1/refunds', createRefund],
  [
    'GET',
    '/v1/refunds',
    (context) => {
      const paymentIntent = context.params.string('payment_intent');
      const charge = context.params.string('charge');
      return listResponse(
        context,
        '/v1/refunds',
        'refund',
        context.account.refunds,
        (refund) =>
          (paymentIntent === undefined || refund.payment_intent === paymentIntent) &&
          (charge === undefined || refund.charge === charge),
      );
    },
  ],
  [
    'GET',
    '/v1/refunds/:id',
    (context) => {
      const refund = context.account.refunds.get(context.ids[0] as string);
      if (!refund) throw noSuch('refund', context.ids[0] as string);
      return refund;
    },
  ],
];
