import { describe, expect, it } from 'vitest';
import {
  StripeCardError,
  type StripeInvalidRequestError,
  testPaymentMethods,
  testPaymentOutcomes,
} from '../src/index.js';
import { fakeAndClient } from './fake-client.js';

describe('test payment methods on the fake', () => {
  it.each(
    Object.entries(testPaymentMethods).filter(([, id]) => testPaymentOutcomes[id]?.kind === 'declines'),
  )('%s declines with its documented codes', async (_name, id) => {
    const { stripe } = fakeAndClient();
    const outcome = testPaymentOutcomes[id];
    if (outcome?.kind !== 'declines') throw new Error(`${id} is not a decline`);
    const error = (await stripe.paymentIntents
      .create({ amount: 1000, currency: 'usd', payment_method: id, confirm: true })
      .catch((caught: unknown) => caught)) as StripeCardError;
    expect(StripeCardError.isInstance(error)).toBe(true);
    expect(error.code).toBe(outcome.code);
    expect(error.declineCode).toBe(outcome.declineCode);
  });

  it('leaves a 3D Secure card in requires_action on session and completes it', async () => {
    const { fake, stripe } = fakeAndClient();
    const intent = await stripe.paymentIntents.create({
      amount: 3000,
      currency: 'usd',
      payment_method: testPaymentMethods.authenticationRequired,
      confirm: true,
    });
    expect(intent.status).toBe('requires_action');
    expect(intent.next_action).toMatchObject({ type: 'use_stripe_sdk' });

    const completed = fake.completeAuthentication(intent.id, 'succeeded');
    expect(completed.status).toBe('succeeded');
    expect((await stripe.paymentIntents.retrieve(intent.id)).amount_received).toBe(3000);
  });

  it('declines a 3D Secure card off session with authentication_required', async () => {
    const { stripe } = fakeAndClient();
    const error = (await stripe.paymentIntents
      .create({
        amount: 3000,
        currency: 'usd',
        payment_method: testPaymentMethods.threeDSecureRequired,
        confirm: true,
        off_session: true,
      })
      .catch((caught: unknown) => caught)) as StripeCardError;
    expect(error.declineCode).toBe('authentication_required');
  });

  it('confirms a created intent and cancels another', async () => {
    const { stripe } = fakeAndClient();
    const toConfirm = await stripe.paymentIntents.create({ amount: 1500, currency: 'gbp' });
    const confirmed = await stripe.paymentIntents.confirm(toConfirm.id, {
      payment_method: testPaymentMethods.mastercard,
    });
    expect(confirmed.status).toBe('succeeded');

    const toCancel = await stripe.paymentIntents.create({ amount: 1500, currency: 'gbp' });
    const canceled = await stripe.paymentIntents.cancel(toCancel.id, { cancellation_reason: 'abandoned' });
    expect(canceled.status).toBe('canceled');
    expect(canceled.cancellation_reason).toBe('abandoned');
    const again = (await stripe.paymentIntents
      .cancel(confirmed.id)
      .catch((caught: unknown) => caught)) as StripeInvalidRequestError;
    expect(again.code).toBe('payment_intent_unexpected_state');
  });

  it('lists a customer’s payment intents only', async () => {
    const { stripe } = fakeAndClient();
    const mine = await stripe.customers.create({ email: 'mine@example.com' });
    const theirs = await stripe.customers.create({ email: 'theirs@example.com' });
    const a = await stripe.paymentIntents.create({ amount: 100, currency: 'usd', customer: mine.id });
    await stripe.paymentIntents.create({ amount: 200, currency: 'usd', customer: theirs.id });
    const listed = await stripe.paymentIntents.list({ customer: mine.id }).toArray();
    expect(listed.map((intent) => intent.id)).toEqual([a.id]);
  });

  it('refunds part of a payment and rejects refunding more than remains', async () => {
    const { stripe } = fakeAndClient();
    const paid = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: testPaymentMethods.visa,
      confirm: true,
    });
    const partial = await stripe.refunds.create({
      payment_intent: paid.id,
      amount: 400,
      reason: 'requested_by_customer',
    });
    expect(partial.amount).toBe(400);
    const tooMuch = (await stripe.refunds
      .create({ payment_intent: paid.id, amount: 700 })
      .catch((caught: unknown) => caught)) as StripeInvalidRequestError;
    expect(tooMuch.param).toBe('amount');
    expect(tooMuch.code).toBe('amount_too_large');
    const rest = await stripe.refunds.create({ payment_intent: paid.id });
    expect(rest.amount).toBe(600);
    expect(
      (await stripe.refunds.list({ payment_intent: paid.id }).toArray()).map((refund) => refund.amount),
    ).toEqual([600, 400]);
  });
});
