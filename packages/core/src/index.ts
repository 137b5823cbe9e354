export {
  type ErrorCategory,
  type ErrorMatrixRow,
  errorCategories,
  errorMatrix,
} from './errors/error-matrix.js';
export { ConflictError, HttpError, type HttpErrorInit, RateLimitError } from './errors/http-error.js';
export { PatchbayError, type PatchbayErrorOptions } from './errors/patchbay-error.js';
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
export { EventBus } from './observability/event-bus.js';
export { type Logger, type LogLevel, silentLogger } from './observability/logger.js';
export { REDACTED, Redactor } from './observability/redactor.js';
