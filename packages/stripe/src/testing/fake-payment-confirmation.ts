import type { PaymentIntent } from '../schemas/payment-intent.js';
import type { FakeContext } from './fake-context.js';
import { resolvePaymentMethod } from './fake-payment-methods.js';
import { FakeStripeError, invalidParam, noSuch, unexpectedState } from './fake-stripe-error.js';

const confirmable = new Set(['requires_payment_method', 'requires_confirmation', 'requires_action']);

export function findPaymentIntent(context: FakeContext, id: string, param = 'id'): PaymentIntent {
  const intent = context.account.paymentIntents.get(id);
  if (!intent) throw noSuch('payment_intent', id, param);
  return intent;
}

/**
 * Confirms a payment intent with a test payment method and stores the result: `succeeded`,
 * `requires_action` on session, or a card decline that throws a 402 `card_error` carrying the
 * payment intent, as Stripe does. Source: docs.stripe.com/payments/paymentintents/lifecycle.
 */
export function confirmIntent(
  context: FakeContext,
  current: PaymentIntent,
  paymentMethodId: string | undefined,
  offSession: boolean,
): PaymentIntent {
  if (!confirmable.has(current.status)) {
    throw unexpectedState(
      'payment_intent_unexpected_state',
      `This PaymentIntent's status is ${current.status}, so it cannot be confirmed.`,
    );
  }
  const methodId = paymentMethodId ?? (current.payment_method as string | null | undefined) ?? undefined;
  if (methodId === undefined) {
    throw unexpectedState(
      'payment_intent_unexpected_state',
      'You cannot confirm this PaymentIntent because it is missing a payment method.',
    );
  }
  const method = resolvePaymentMethod(context, methodId);
  const customer = current.customer as string | null | undefined;
  if (method.customer !== null && method.customer !== customer) {
    throw invalidParam(
      'payment_method',
      `The payment method ${methodId} belongs to another customer.`,
      'payment_method_unexpected_state',
    );
  }

  const next: PaymentIntent = structuredClone(current);
  next.payment_method = method.id;
  const outcome = method.outcome;
  if (outcome.kind === 'succeeds') {
    Object.assign(next, {
      status: 'succeeded',
      amount_received: next.amount,
      latest_charge: context.newId('ch', 24),
      last_payment_error: null,
      next_action: null,
    });
    context.save(context.account.paymentIntents, next);
    context.emit('payment_intent.succeeded', next);
    return next;
  }
  if (outcome.kind === 'requires_action' && !offSession) {
    Object.assign(next, {
      status: 'requires_action',
      next_action: { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } },
    });
    context.save(context.account.paymentIntents, next);
    context.emit('payment_intent.requires_action', next);
    return next;
  }

  const decline =
    outcome.kind === 'declines'
      ? outcome
      : {
          code: 'authentication_required',
          declineCode: 'authentication_required',
          message: 'Your card was declined. This transaction requires authentication.',
        };
  const charge = context.newId('ch', 24);
  const error = {
    type: 'card_error' as const,
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    payment_method: { id: method.id, object: 'payment_method', type: 'card' },
    charge,
  };
  Object.assign(next, {
    status: 'requires_payment_method',
    payment_method: null,
    latest_charge: charge,
    last_payment_error: error,
    next_action: null,
  });
  context.save(context.account.paymentIntents, next);
  context.emit('payment_intent.payment_failed', next);
  throw new FakeStripeError(402, { ...error, payment_intent: structuredClone(next) }, true);
}

/** Creates a payment intent record; shared with invoice payments. */
export function newPaymentIntent(
  context: FakeContext,
  fields: {
    amount: number;
    currency: string;
    customer: string | null;
    description: string | null;
    metadata: Record<string, string>;
    paymentMethod: string | null;
  },
): PaymentIntent {
  const id = context.newId('pi', 24);
  const intent: PaymentIntent = {
    id,
    object: 'payment_intent',
    amount: fields.amount,
    amount_received: 0,
    amount_capturable: 0,
    currency: fields.currency,
    status: fields.paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    created: context.nowSeconds(),
    customer: fields.customer,
    description: fields.description,
    client_secret: `${id}_secret_${context.newId('x', 25).slice(2)}`,
    payment_method: fields.paymentMethod,
    latest_charge: null,
    last_payment_error: null,
    next_action: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    confirmation_method: 'automatic',
    livemode: context.livemode,
    metadata: fields.metadata,
    receipt_email: null,
  };
  context.save(context.account.paymentIntents, intent);
  context.emit('payment_intent.created', intent);
  return intent;
}
