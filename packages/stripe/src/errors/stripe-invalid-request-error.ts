import { HttpError, type HttpErrorInit } from '@patchbay/core';
import { readStripeErrorBody } from './stripe-error-body.js';

/**
 * Stripe rejected the request's parameters (`invalid_request_error`): a missing or invalid
 * parameter (400) or an id that does not exist (404, code `resource_missing`). `param` names the
 * parameter at fault when Stripe gives one.
 */
export class StripeInvalidRequestError extends HttpError {
  static override readonly kind: string = 'StripeInvalidRequestError';
  override name = 'StripeInvalidRequestError';
  readonly param: string | undefined;
  readonly docUrl: string | undefined;

  constructor(init: HttpErrorInit) {
    super(init);
    const error = readStripeErrorBody(init.body);
    this.param = error?.param;
    this.docUrl = error?.doc_url;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), param: this.param };
  }
}
