import { HttpError, RateLimitError } from '@patchbay/core';
import { describe, expect, it } from 'vitest';
import {
  StripeCardError,
  StripeInvalidRequestError,
  StripeLockTimeoutError,
  testPaymentMethods,
} from '../src/index.js';
import { fakeAndClient } from './fake-client.js';

function attemptsTo(fake: ReturnType<typeof fakeAndClient>['fake'], path: string) {
  return fake.requests.filter((request) => request.path === path).map((request) => request.status);
}

describe('retry rules', () => {
  it('retries a 429 lock_timeout as its own error class', async () => {
    const { fake, stripe } = fakeAndClient();
    const retried: unknown[] = [];
    stripe.events.on('retry', (event) => retried.push(event.error));
    fake.faults.inject({ kind: 'lock-timeout' }, { times: 2, match: { path: '/v1/customers' } });

    await stripe.customers.create({ email: 'lock@example.com' });

    expect(attemptsTo(fake, '/v1/customers')).toEqual([429, 429, 200]);
    expect(retried).toHaveLength(2);
    expect(StripeLockTimeoutError.isInstance(retried[0])).toBe(true);
    expect(RateLimitError.isInstance(retried[0])).toBe(false);
    expect((retried[0] as StripeLockTimeoutError).code).toBe('lock_timeout');
    expect((retried[0] as StripeLockTimeoutError).category).toBe('conflict');
  });

  it('surfaces lock_timeout as StripeLockTimeoutError when retries run out', async () => {
    const { fake, stripe } = fakeAndClient({}, { retry: { maxRetries: 0 } });
    fake.faults.inject({ kind: 'lock-timeout' });
    const error = await stripe.customers
      .create({ email: 'x@example.com' })
      .catch((caught: unknown) => caught);
    expect(StripeLockTimeoutError.isInstance(error)).toBe(true);
    expect((error as StripeLockTimeoutError).status).toBe(429);
  });

  it('stops retrying a 500 when Stripe-Should-Retry is false', async () => {
    const { fake, stripe } = fakeAndClient();
    fake.faults.inject({ kind: 'server-error', status: 500, shouldRetry: false });
    const error = (await stripe.customers
      .create({ email: 'x@example.com' })
      .catch((caught: unknown) => caught)) as HttpError;
    expect(HttpError.isInstance(error)).toBe(true);
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(false);
    expect(error.attempts).toBe(1);
    expect(attemptsTo(fake, '/v1/customers')).toEqual([500]);
  });

  it('stops retrying a 429 when Stripe-Should-Retry is false', async () => {
    const { fake, stripe } = fakeAndClient();
    fake.faults.inject({ kind: 'rate-limit', shouldRetry: false });
    const error = (await stripe.customers
      .create({ email: 'x@example.com' })
      .catch((caught: unknown) => caught)) as RateLimitError;
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.attempts).toBe(1);
    expect(attemptsTo(fake, '/v1/customers')).toEqual([429]);
  });

  it('retries a 400 when Stripe-Should-Retry is true', async () => {
    const { fake, stripe } = fakeAndClient();
    fake.faults.inject({
      kind: 'error',
      status: 400,
      headers: { 'Stripe-Should-Retry': 'true' },
      error: { type: 'invalid_request_error', message: 'Temporary validation backend failure.' },
    });
    await stripe.customers.create({ email: 'x@example.com' });
    expect(attemptsTo(fake, '/v1/customers')).toEqual([400, 200]);
  });

  it('does not retry a plain 400 and names the parameter', async () => {
    const { fake, stripe } = fakeAndClient();
    const error = (await stripe.customers
      .create({ email: 'not-an-email' })
      .catch((caught: unknown) => caught)) as StripeInvalidRequestError;
    expect(StripeInvalidRequestError.isInstance(error)).toBe(true);
    expect(error.param).toBe('email');
    expect(error.code).toBe('email_invalid');
    expect(error.attempts).toBe(1);
    expect(attemptsTo(fake, '/v1/customers')).toEqual([400]);
  });

  it('never retries a 402 card_error, even with Stripe-Should-Retry: true', async () => {
    const { fake, stripe } = fakeAndClient();
    const declined = (await stripe.paymentIntents
      .create({
        amount: 1000,
        currency: 'usd',
        payment_method: testPaymentMethods.genericDecline,
        confirm: true,
      })
      .catch((caught: unknown) => caught)) as StripeCardError;
    expect(StripeCardError.isInstance(declined)).toBe(true);
    expect(declined.status).toBe(402);
    expect(declined.category).toBe('payment');
    expect(declined.declineCode).toBe('generic_decline');
    expect(declined.paymentIntentId).toBe(fake.state.paymentIntents[0]?.id);
    expect(declined.attempts).toBe(1);

    fake.faults.inject({
      kind: 'error',
      status: 402,
      headers: { 'stripe-should-retry': 'true' },
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      },
    });
    const hinted = (await stripe.customers
      .create({ email: 'x@example.com' })
      .catch((caught: unknown) => caught)) as StripeCardError;
    expect(StripeCardError.isInstance(hinted)).toBe(true);
    expect(hinted.declineCode).toBe('insufficient_funds');
    expect(hinted.attempts).toBe(1);
  });

  it('retries 409 and 503 without a hint', async () => {
    const { fake, stripe } = fakeAndClient();
    fake.faults.inject(
      {
        kind: 'error',
        status: 409,
        error: { type: 'idempotency_error', code: 'idempotency_key_in_use', message: 'in use' },
      },
      { match: { path: '/v1/customers' } },
    );
    fake.faults.inject({ kind: 'server-error', status: 503 }, { match: { path: '/v1/customers' } });
    await stripe.customers.create({ email: 'x@example.com' });
    expect(attemptsTo(fake, '/v1/customers')).toEqual([409, 503, 200]);
  });

  it('puts the request-id on errors and response events', async () => {
    const { fake, stripe } = fakeAndClient({}, { retry: { maxRetries: 0 } });
    const responseIds: Array<string | undefined> = [];
    stripe.events.on('response', (event) => responseIds.push(event.requestId));
    await stripe.customers.create({ email: 'ok@example.com' });
    fake.faults.inject({ kind: 'server-error', status: 502 });
    const error = (await stripe.customers
      .create({ email: 'x@example.com' })
      .catch((caught: unknown) => caught)) as HttpError;

    expect(responseIds).toEqual(fake.requests.map((request) => request.requestId));
    expect(error.requestId).toBe(fake.requests[1]?.requestId);
    expect(error.requestId).toMatch(/^req_/);
    expect(error.message).toContain(`[request id ${error.requestId}]`);
  });
});
