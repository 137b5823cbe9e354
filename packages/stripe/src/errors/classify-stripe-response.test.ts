import type { HttpErrorInit } from '@patchbay/core';
import { describe, expect, it } from 'vitest';
import { classifyStripeResponse } from './classify-stripe-response.js';
import { StripeCardError } from './stripe-card-error.js';
import { StripeIdempotencyError } from './stripe-idempotency-error.js';
import { StripeInvalidRequestError } from './stripe-invalid-request-error.js';
import { StripeLockTimeoutError } from './stripe-lock-timeout-error.js';

function response(
  status: number,
  error: Record<string, unknown> | undefined,
  headers: Record<string, string> = {},
) {
  return {
    status,
    headers: { 'request-id': 'req_test', ...headers },
    body: error ? { error } : '',
    method: 'POST',
    url: 'https://api.stripe.com/v1/payment_intents',
  };
}

function init(status: number, body: unknown): HttpErrorInit {
  return {
    message: 'failed',
    category: 'unknown',
    method: 'POST',
    url: 'https://api.stripe.com/v1/payment_intents',
    status,
    headers: {},
    body,
    retryable: true,
  };
}

const cardDecline = {
  type: 'card_error',
  code: 'card_declined',
  decline_code: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
  payment_intent: { id: 'pi_123', status: 'requires_payment_method' },
  payment_method: { id: 'pm_456' },
  charge: 'ch_789',
  doc_url: 'https://docs.stripe.com/error-codes/card-declined',
};

describe('classifyStripeResponse', () => {
  it('makes a card error a never-retried StripeCardError', () => {
    const result = classifyStripeResponse(response(402, cardDecline, { 'stripe-should-retry': 'true' }));
    expect(result.category).toBe('payment');
    expect(result.retryable).toBe(false);
    expect(result.code).toBe('card_declined');
    expect(result.requestId).toBe('req_test');

    const error = result.createError?.(init(402, { error: cardDecline })) as StripeCardError;
    expect(StripeCardError.isInstance(error)).toBe(true);
    expect(error.declineCode).toBe('insufficient_funds');
    expect(error.paymentIntentId).toBe('pi_123');
    expect(error.paymentMethodId).toBe('pm_456');
    expect(error.chargeId).toBe('ch_789');
    expect(error.retryable).toBe(false);
    expect(error.category).toBe('payment');
  });

  it('keeps the parameter of an invalid request', () => {
    const body = {
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param: 'amount',
      message: 'Missing required param: amount.',
    };
    const result = classifyStripeResponse(response(400, body));
    expect(result.category).toBe('validation');
    expect(result.retryable).toBeUndefined();
    expect(result.code).toBe('parameter_missing');
    const error = result.createError?.(init(400, { error: body })) as StripeInvalidRequestError;
    expect(StripeInvalidRequestError.isInstance(error)).toBe(true);
    expect(error.param).toBe('amount');
  });

  it('maps resource_missing to not_found', () => {
    const result = classifyStripeResponse(
      response(404, { type: 'invalid_request_error', code: 'resource_missing', param: 'id' }),
    );
    expect(result.category).toBe('not_found');
    expect(result.code).toBe('resource_missing');
  });

  it('never retries an idempotency error', () => {
    const body = {
      type: 'idempotency_error',
      message: 'Keys for idempotent requests can only be used with the same parameters.',
    };
    const result = classifyStripeResponse(response(400, body, { 'stripe-should-retry': 'true' }));
    expect(result.category).toBe('validation');
    expect(result.retryable).toBe(false);
    expect(result.code).toBe('idempotency_error');
    expect(StripeIdempotencyError.isInstance(result.createError?.(init(400, { error: body })))).toBe(true);
  });

  it('makes a 429 lock_timeout its own retried error', () => {
    const body = { type: 'invalid_request_error', code: 'lock_timeout' };
    const result = classifyStripeResponse(response(429, body));
    expect(result.category).toBe('conflict');
    expect(result.retryable).toBe(true);
    const error = result.createError?.(init(429, { error: body }));
    expect(StripeLockTimeoutError.isInstance(error)).toBe(true);
  });

  it('leaves a plain 429 to the rate-limit default', () => {
    const result = classifyStripeResponse(
      response(429, { type: 'invalid_request_error', code: 'rate_limit' }),
    );
    expect(result.category).toBeUndefined();
    expect(result.retryable).toBeUndefined();
    expect(result.createError).toBeUndefined();
    expect(result.code).toBe('rate_limit');
  });

  it('retries any 409 unless the header says otherwise', () => {
    const body = { type: 'idempotency_error', code: 'idempotency_key_in_use' };
    const inUse = classifyStripeResponse(
      response(409, { type: 'invalid_request_error', code: 'idempotency_key_in_use' }),
    );
    expect(inUse.category).toBe('conflict');
    expect(inUse.retryable).toBe(true);
    const stopped = classifyStripeResponse(
      response(409, { code: 'idempotency_key_in_use' }, { 'stripe-should-retry': 'false' }),
    );
    expect(stopped.retryable).toBe(false);
    expect(classifyStripeResponse(response(409, body)).retryable).toBe(true);
    expect(classifyStripeResponse(response(409, body)).category).toBe('conflict');
  });

  it('lets Stripe-Should-Retry override 5xx and 400 decisions', () => {
    expect(
      classifyStripeResponse(response(500, { type: 'api_error' }, { 'stripe-should-retry': 'false' }))
        .retryable,
    ).toBe(false);
    expect(classifyStripeResponse(response(503, { type: 'api_error' })).retryable).toBeUndefined();
    expect(
      classifyStripeResponse(
        response(400, { type: 'invalid_request_error' }, { 'stripe-should-retry': 'true' }),
      ).retryable,
    ).toBe(true);
    expect(
      classifyStripeResponse(
        response(
          429,
          { type: 'invalid_request_error', code: 'rate_limit' },
          { 'stripe-should-retry': 'false' },
        ),
      ).retryable,
    ).toBe(false);
  });

  it('classifies a non-JSON error body by status alone', () => {
    const result = classifyStripeResponse(response(502, undefined));
    expect(result.code).toBeUndefined();
    expect(result.category).toBeUndefined();
    expect(result.requestId).toBe('req_test');
  });
});
