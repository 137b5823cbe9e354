/**
 * The `error` object of a failed Stripe response. Every field is optional because Stripe sets
 * only those that apply. Fields: docs.stripe.com/api/errors.
 */
export interface StripeErrorBody {
  /** `api_error`, `card_error`, `idempotency_error` or `invalid_request_error`. */
  type?: string;
  /** A machine-readable reason such as `card_declined`, `resource_missing` or `lock_timeout`. */
  code?: string;
  /** For card errors: the issuer's reason, such as `insufficient_funds`. */
  decline_code?: string;
  /** For parameter errors: the parameter at fault, such as `amount`. */
  param?: string;
  /** A human-readable message; for card errors it can be shown to the customer. */
  message?: string;
  doc_url?: string;
  request_log_url?: string;
  /** For card errors on a payment intent: the payment intent in its new state. */
  payment_intent?: { id?: string; status?: string; [field: string]: unknown };
  payment_method?: { id?: string; [field: string]: unknown };
  /** For card errors: the id of the failed charge. */
  charge?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Reads the `error` object from a parsed Stripe error response, or `undefined` for other bodies. */
export function readStripeErrorBody(body: unknown): StripeErrorBody | undefined {
  const error = record(record(body)?.error);
  if (!error) return undefined;
  const paymentIntent = record(error.payment_intent);
  const paymentMethod = record(error.payment_method);
  return {
    type: text(error.type),
    code: text(error.code),
    decline_code: text(error.decline_code),
    param: text(error.param),
    message: text(error.message),
    doc_url: text(error.doc_url),
    request_log_url: text(error.request_log_url),
    payment_intent: paymentIntent ? { ...paymentIntent, id: text(paymentIntent.id) } : undefined,
    payment_method: paymentMethod ? { ...paymentMethod, id: text(paymentMethod.id) } : undefined,
    charge: text(error.charge),
  };
}
