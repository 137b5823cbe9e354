export {
  createStripeClient,
  type StripeClient,
  type StripeClientOptions,
} from './client/create-stripe-client.js';
export { type StripeBucket, type StripeLimits, stripeRateLimits } from './client/rate-limit-presets.js';
export type { StripeCallOptions } from './client/stripe-call-options.js';
export { type ApiKeyInfo, validateApiKey } from './client/validate-api-key.js';
export { validateApiVersion } from './client/validate-api-version.js';
export { classifyStripeResponse } from './errors/classify-stripe-response.js';
export { CustomerMismatchError } from './errors/customer-mismatch-error.js';
export { StripeArgumentError } from './errors/stripe-argument-error.js';
export { StripeCardError } from './errors/stripe-card-error.js';
export { readStripeErrorBody, type StripeErrorBody } from './errors/stripe-error-body.js';
export { stripeErrorRows } from './errors/stripe-error-rows.js';
export { StripeIdempotencyError } from './errors/stripe-idempotency-error.js';
export { StripeInvalidRequestError } from './errors/stripe-invalid-request-error.js';
export { StripeLockTimeoutError } from './errors/stripe-lock-timeout-error.js';
export {
  type StripeEventHandlerFunction,
  type StripeEventHandlerFunctions,
  stripeEventHandlers,
} from './events/stripe-event-handlers.js';
export {
  type KnownStripeEventType,
  otherStripeEventSchema,
  type StripeEvent,
  type StripeEventOf,
  type StripeEventSchemas,
  stripeEventSchema,
  stripeEventSchemas,
} from './events/stripe-event-schemas.js';
export { type DecodedForm, type DecodedFormValue, decodeForm } from './form/decode-form.js';
export { encodeForm, type FormParams, type FormValue } from './form/encode-form.js';
export {
  assertMinorUnitAmount,
  currencyExponent,
  fromMinorUnits,
  normalizeCurrency,
  threeDecimalCurrencies,
  toMinorUnits,
  wholeUnitTwoDecimalCurrencies,
  zeroDecimalCurrencies,
} from './money/currency-units.js';
export type {
  CreateAndSendInvoiceInput,
  CreateAndSendInvoiceResult,
  InvoiceLine,
} from './resources/create-and-send-invoice.js';
export type {
  CustomerListParams,
  CustomerParams,
  CustomerSearchParams,
  CustomersResource,
} from './resources/customers.js';
export {
  type FindOrCreateCustomerInput,
  type FindOrCreateCustomerResult,
  type FindOrCreateOptions,
  normalizeEmail,
} from './resources/find-or-create-customer.js';
export type {
  InvoiceCreateParams,
  InvoiceItemCreateParams,
  InvoiceListParams,
  InvoicePayParams,
  InvoicesResource,
} from './resources/invoices.js';
export type { PaymentHistoryEntry, PaymentHistoryOptions } from './resources/payment-history.js';
export type {
  PaymentIntentCancelParams,
  PaymentIntentConfirmParams,
  PaymentIntentCreateParams,
  PaymentIntentListParams,
  PaymentIntentsResource,
} from './resources/payment-intents.js';
export type { PaymentMethodsResource } from './resources/payment-methods.js';
export type { RefundCreateParams, RefundListParams, RefundsResource } from './resources/refunds.js';
export {
  expandableId,
  listSchema,
  type Metadata,
  metadataSchema,
  type StripeList,
  type StripeSearchResult,
  searchResultSchema,
} from './schemas/common.js';
export {
  type Customer,
  customerSchema,
  type DeletedCustomer,
  deletedCustomerSchema,
} from './schemas/customer.js';
export {
  type Invoice,
  type InvoiceItem,
  type InvoiceStatus,
  invoiceItemSchema,
  invoiceLineItemSchema,
  invoiceSchema,
  invoiceStatuses,
} from './schemas/invoice.js';
export {
  type PaymentIntent,
  type PaymentIntentStatus,
  paymentIntentSchema,
  paymentIntentStatuses,
} from './schemas/payment-intent.js';
export { type PaymentMethod, paymentMethodSchema } from './schemas/payment-method.js';
export { type Refund, refundSchema } from './schemas/refund.js';
export { type Subscription, subscriptionSchema } from './schemas/subscription.js';
export {
  type TestPaymentMethodName,
  type TestPaymentOutcome,
  testCardNumbers,
  testPaymentMethods,
  testPaymentOutcomes,
} from './test-mode/test-payment-methods.js';
