/** An error body the fake returns, shaped like Stripe's (docs.stripe.com/api/errors). */
export interface FakeErrorBody {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  payment_intent?: unknown;
  payment_method?: unknown;
  charge?: string;
  doc_url?: string;
}

/** Thrown by the fake's handlers; the pipeline turns it into an error response. */
export class FakeStripeError extends Error {
  override name = 'FakeStripeError';
  readonly status: number;
  readonly body: FakeErrorBody;
  /**
   * Whether an idempotency key keeps this response for replay. Stripe keeps results once an
   * endpoint started executing (card declines), not parameter validation failures.
   * Source: docs.stripe.com/api/idempotent_requests.
   */
  readonly savedForReplay: boolean;

  constructor(status: number, body: FakeErrorBody, savedForReplay = false) {
    super(body.message);
    this.status = status;
    this.body = body;
    this.savedForReplay = savedForReplay;
  }
}

/** 400 `invalid_request_error` naming the parameter at fault. */
export function invalidParam(param: string, message: string, code = 'parameter_invalid'): FakeStripeError {
  return new FakeStripeError(400, { type: 'invalid_request_error', code, param, message });
}

/** 400 for a required parameter that was not sent. */
export function missingParam(param: string): FakeStripeError {
  return invalidParam(param, `Missing required param: ${param}.`, 'parameter_missing');
}

/** 404 `resource_missing` for an id that does not exist in this account. */
export function noSuch(kind: string, id: string, param = 'id'): FakeStripeError {
  return new FakeStripeError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
  });
}

/** 400 for an action the object's current state does not allow. */
export function unexpectedState(code: string, message: string): FakeStripeError {
  return new FakeStripeError(400, { type: 'invalid_request_error', code, message });
}
