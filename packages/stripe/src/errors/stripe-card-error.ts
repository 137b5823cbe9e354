import { HttpError, type HttpErrorInit } from '@patchbay/core';
import { readStripeErrorBody } from './stripe-error-body.js';

/**
 * A card was declined or could not be charged (`card_error`, usually HTTP 402). Never retried:
 * the same card is declined again, so ask the customer for another payment method.
 */
export class StripeCardError extends HttpError {
  static override readonly kind: string = 'StripeCardError';
  override name = 'StripeCardError';
  /** The issuer's reason, such as `insufficient_funds` or `generic_decline`, when given. */
  readonly declineCode: string | undefined;
  /** The payment intent the attempt belonged to, when there was one. */
  readonly paymentIntentId: string | undefined;
  readonly paymentMethodId: string | undefined;
  readonly chargeId: string | undefined;
  /** The parameter at fault, such as `payment_method`, when given. */
  readonly param: string | undefined;
  readonly docUrl: string | undefined;

  constructor(init: HttpErrorInit) {
    super({ ...init, category: 'payment', retryable: false });
    const error = readStripeErrorBody(init.body);
    this.declineCode = error?.decline_code;
    this.paymentIntentId = error?.payment_intent?.id;
    this.paymentMethodId = error?.payment_method?.id;
    this.chargeId = error?.charge;
    this.param = error?.param;
    this.docUrl = error?.doc_url;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      declineCode: this.declineCode,
      paymentIntentId: this.paymentIntentId,
      paymentMethodId: this.paymentMethodId,
      chargeId: this.chargeId,
      param: this.param,
    };
  }
}
