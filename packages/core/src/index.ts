export type { AuthContext, AuthProvider, AuthTarget } from './auth/auth-provider.js';
export {
  type AuthorizeUrl,
  type AuthorizeUrlOptions,
  buildAuthorizeUrl,
  type ExchangeCodeOptions,
  exchangeAuthorizationCode,
} from './auth/authorization-code.js';
export { OAuth2RefreshAuth, type OAuth2RefreshOptions, oauth2RefreshAuth } from './auth/oauth2-auth.js';
export {
  type ApiKeyAuthOptions,
  apiKeyAuth,
  type BasicAuthOptions,
  type BearerAuthOptions,
  basicAuth,
  bearerAuth,
} from './auth/static-auth.js';
export { MemoryTokenStore, type StoredToken, type TokenLock, type TokenStore } from './auth/token-store.js';
export {
  type BreakerAttachment,
  CircuitBreaker,
  type CircuitBreakerOptions,
  createCircuitBreaker,
} from './breaker/circuit-breaker.js';
export type { BreakerTicket, RequestBreaker } from './breaker/request-breaker.js';
export {
  type ErrorCategory,
  type ErrorMatrixRow,
  errorCategories,
  errorMatrix,
} from './errors/error-matrix.js';
export { ConflictError, HttpError, type HttpErrorInit, RateLimitError } from './errors/http-error.js';
export { PatchbayError, type PatchbayErrorOptions } from './errors/patchbay-error.js';
export {
  renderErrorMatrix,
  renderServiceErrorRows,
  replaceMarkedSection,
  type ServiceErrorRow,
} from './errors/render-error-matrix.js';
export {
  AbortError,
  CircuitOpenError,
  ConfigurationError,
  NetworkError,
  ParseError,
  TimeoutError,
  type TimeoutKind,
  TokenRefreshError,
} from './errors/request-errors.js';
export { hashIdentity } from './hash-identity.js';
export type { LimiterStore, Reservation, StorePolicy } from './limiter/limiter-store.js';
export { MemoryLimiterStore } from './limiter/memory-limiter-store.js';
export {
  type BucketOptions,
  createRateLimiter,
  type HeaderLimits,
  type LimiterAttachment,
  RateLimiter,
  type RateLimiterOptions,
} from './limiter/rate-limiter.js';
export type {
  LimiterPermit,
  LimiterRequest,
  LimitObservation,
  RequestLimiter,
} from './limiter/request-limiter.js';
export { EventBus } from './observability/event-bus.js';
export { type Logger, type LogLevel, silentLogger } from './observability/logger.js';
export { REDACTED, Redactor } from './observability/redactor.js';
export { type TimeoutOptions, timeoutDefaults } from './pipeline/call-signals.js';
export {
  type Classification,
  type Classifier,
  categoryForStatus,
  findServiceMessage,
  type ResponseInfo,
} from './pipeline/classify-response.js';
export { Client, type ClientOptions, createClient, type IdempotencyOptions } from './pipeline/client.js';
export type {
  BreakerState,
  BreakerStateEvent,
  CallErrorEvent,
  ClientEvents,
  LimiterPausedEvent,
  LimiterUsageEvent,
  RateLimitedEvent,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
  TokenRefreshedEvent,
} from './pipeline/client-events.js';
export { type PaginateOptions, type Paginator, paginate } from './pipeline/paginate.js';
export { encodeQuery } from './pipeline/prepare-request.js';
export type {
  ApiResponse,
  HttpMethod,
  QueryValue,
  RequestBody,
  RequestOptions,
  ResponseSchema,
} from './pipeline/request-options.js';
export {
  type BatchItemError,
  type BatchResult,
  type ChunkOutcome,
  type RunBatchesOptions,
  runBatches,
} from './pipeline/run-batches.js';
export { computeBackoffMs } from './retry/backoff.js';
export { parseHttpDate, parseRetryAfterMs } from './retry/parse-retry-after.js';
export { type RetryOptions, retryDefaults } from './retry/retry-options.js';
export {
  createFetchTransport,
  type FetchFunction,
  type FetchTransportOptions,
} from './transport/fetch-transport.js';
export type { Transport, TransportBody, TransportRequest, TransportResponse } from './transport/transport.js';
