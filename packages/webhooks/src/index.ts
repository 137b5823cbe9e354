export { BlockedAddressError } from './errors/blocked-address-error.js';
export { InvalidSecretError } from './errors/invalid-secret-error.js';
export { MalformedHeaderError } from './errors/malformed-header-error.js';
export { MissingHeaderError } from './errors/missing-header-error.js';
export { PayloadTooLargeError } from './errors/payload-too-large-error.js';
export { RawBodyRequiredError } from './errors/raw-body-required-error.js';
export { type SignatureMismatchDetails, SignatureMismatchError } from './errors/signature-mismatch-error.js';
export {
  FutureTimestampError,
  StaleTimestampError,
  TimestampOutsideToleranceError,
  type TimestampSide,
  type TimestampToleranceDetails,
} from './errors/timestamp-errors.js';
export {
  type WebhookErrorCode,
  type WebhookScheme,
  WebhookVerificationError,
  type WebhookVerificationErrorOptions,
} from './errors/webhook-verification-error.js';
export {
  DEFAULT_DEDUPE_LEASE_MS,
  DEFAULT_DEDUPE_TTL_MS,
  type DedupClaim,
  type DedupeOptions,
  type DedupStore,
} from './receive/dedup-store.js';
export type { IncomingEvent } from './receive/extract-events.js';
export {
  type LambdaHttpEvent,
  type LambdaHttpResult,
  type LambdaWebhookRequest,
  readLambdaEvent,
} from './receive/lambda-event.js';
export { MemoryDedupStore, type MemoryDedupStoreOptions } from './receive/memory-dedup-store.js';
export { type ExpressLikeRequest, readExpressRequestBody } from './receive/read-express-body.js';
export { readFetchRequestBody } from './receive/read-fetch-body.js';
export {
  type BodyLimitOptions,
  checkContentLength,
  DEFAULT_MAX_BODY_BYTES,
  type NodeRequestStream,
  readNodeRequestBody,
} from './receive/read-node-body.js';
export type {
  EventOutcome,
  EventOutcomeKind,
  ReceiveResponse,
  ReceiveResult,
  RejectionReason,
} from './receive/receive-result.js';
export {
  defineWebhookHandler,
  type WebhookEventContext,
  type WebhookHandler,
  type WebhookHandlers,
} from './receive/webhook-handler.js';
export {
  createWebhookReceiver,
  type WebhookReceiver,
  type WebhookReceiverOptions,
  type WebhookRequest,
} from './receive/webhook-receiver.js';
export {
  type AddressPolicy,
  createAddressPolicy,
  isPublicAddress,
  type PrivateNetworkAllowance,
} from './send/address-policy.js';
export type {
  AttemptOutcome,
  AttemptRecord,
  DeliveryRecord,
  DeliveryStatus,
  DeliveryStore,
  DisabledEndpoint,
} from './send/delivery-store.js';
export { createGuardedLookup, type LookupAll } from './send/guarded-lookup.js';
export { MemoryDeliveryStore } from './send/memory-delivery-store.js';
export { parseRetryAfter } from './send/parse-retry-after.js';
export {
  DEFAULT_JITTER,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_RETRY_SCHEDULE_MS,
  type RetryDelayInput,
  retryDelayMs,
} from './send/retry-schedule.js';
export type { SendingScheme } from './send/sign-outgoing-request.js';
export { createWebhookSender } from './send/webhook-sender.js';
export type {
  SendOptions,
  WebhookSender,
  WebhookSenderEvents,
  WebhookSenderOptions,
} from './send/webhook-sender-types.js';
export { createGitHubVerifier, type GitHubVerifierOptions } from './verify/github-verifier.js';
export { type HeadersInput, headersToRecord, readHeader, requireHeader } from './verify/headers.js';
export type { HubSpotUrlOptions } from './verify/hubspot-request-uri.js';
export { createHubSpotVerifier, type HubSpotVerifierOptions } from './verify/hubspot-verifier.js';
export {
  parseStripeSignatureHeader,
  type StripeSignatureHeader,
} from './verify/parse-stripe-signature-header.js';
export { type RawBody, toRawBytes } from './verify/raw-body.js';
export { fingerprintSecret, type SecretInput } from './verify/secrets.js';
export type { HubSpotSignatureVersion } from './verify/select-hubspot-version.js';
export {
  createStandardWebhooksVerifier,
  type StandardWebhooksVerifierOptions,
} from './verify/standard-webhooks-verifier.js';
export { createStripeVerifier, type StripeVerifierOptions } from './verify/stripe-verifier.js';
export {
  DEFAULT_TOLERANCE_SECONDS,
  TIMESTAMP_CHECK_DISABLED,
  type TimestampTolerance,
} from './verify/timestamp-tolerance.js';
export type { VerifyOptions, VerifyResult, WebhookVerifier } from './verify/verifier-types.js';
