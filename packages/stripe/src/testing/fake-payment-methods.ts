import { type TestPaymentOutcome, testPaymentOutcomes } from '../test-mode/test-payment-methods.js';
import type { FakeContext, FakeRouteHandler } from './fake-context.js';
import { findCustomer } from './fake-customers.js';
import type { FakePaymentMethod } from './fake-state.js';
import { invalidParam, noSuch } from './fake-stripe-error.js';

/** A payment method as a payment uses it: its id, its test outcome and its owner. */
export interface ResolvedPaymentMethod {
  id: string;
  outcome: TestPaymentOutcome;
  customer: string | null;
}

function buildMethod(
  context: FakeContext,
  id: string,
  source: string,
  customer: string | null,
): FakePaymentMethod {
  const outcome = testPaymentOutcomes[source] as TestPaymentOutcome;
  return {
    id,
    object: 'payment_method',
    type: 'card',
    created: context.nowSeconds(),
    customer,
    livemode: context.livemode,
    metadata: {},
    card: {
      brand: outcome.brand,
      last4: outcome.last4,
      exp_month: 12,
      exp_year: new Date(context.nowMs).getUTCFullYear() + 3,
    },
    test_source: source,
  };
}

/**
 * Finds a payment method by id: one the account stores (an attached clone) or one of Stripe's
 * test ids such as `pm_card_visa`. Anything else is 404 `resource_missing`, including raw card
 * data, which the fake, like a PCI-aware integration, never accepts.
 */
export function resolvePaymentMethod(
  context: FakeContext,
  id: string,
  param = 'payment_method',
): ResolvedPaymentMethod {
  const stored = context.account.paymentMethods.get(id);
  if (stored) {
    return {
      id,
      outcome: testPaymentOutcomes[stored.test_source] as TestPaymentOutcome,
      customer: (stored.customer as string | null) ?? null,
    };
  }
  const outcome = testPaymentOutcomes[id];
  if (!outcome) throw noSuch('PaymentMethod', id, param);
  return { id, outcome, customer: null };
}

const attach: FakeRouteHandler = (context) => {
  const id = context.ids[0] as string;
  const customer = findCustomer(context, context.params.requiredString('customer'), 'customer');
  const stored = context.account.paymentMethods.get(id);
  if (stored) {
    if (stored.customer && stored.customer !== customer.id) {
      throw invalidParam(
        'customer',
        `The payment method ${id} is already attached to another customer.`,
        'payment_method_unexpected_state',
      );
    }
    const next = { ...stored, customer: customer.id };
    context.save(context.account.paymentMethods, next);
    context.emit('payment_method.attached', next);
    return next;
  }
  if (!testPaymentOutcomes[id]) throw noSuch('PaymentMethod', id);
  // Attaching a test id creates a new payment method, as in Stripe test mode.
  const method = buildMethod(context, context.newId('pm', 24), id, customer.id);
  context.save(context.account.paymentMethods, method);
  context.emit('payment_method.attached', method);
  return method;
};

const detach: FakeRouteHandler = (context) => {
  const id = context.ids[0] as string;
  const stored = context.account.paymentMethods.get(id);
  if (!stored?.customer)
    throw invalidParam(
      'payment_method',
      `The payment method ${id} is not attached to a customer.`,
      'payment_method_unexpected_state',
    );
  const next = { ...stored, customer: null };
  context.save(context.account.paymentMethods, next);
  context.emit('payment_method.detached', next, { customer: stored.customer });
  return next;
};

export const paymentMethodRoutes: Array<[string, string, FakeRouteHandler]> = [
  [
    'GET',
    '/v1/payment_methods/:id',
    (context) => {
      const id = context.ids[0] as string;
      const stored = context.account.paymentMethods.get(id);
      if (stored) return stored;
      if (!testPaymentOutcomes[id]) throw noSuch('PaymentMethod', id);
      return buildMethod(context, id, id, null);
    },
  ],
  ['POST', '/v1/payment_methods/:id/attach', attach],
  ['POST', '/v1/payment_methods/:id/detach', detach],
];
