import type { ErrorCategory } from '../errors/error-matrix.js';
import { ConflictError, HttpError, type HttpErrorInit, RateLimitError } from '../errors/http-error.js';

/** What a classifier sees of a failed response. Headers and body are not redacted yet. */
export interface ResponseInfo {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
  method: string;
  url: string;
}

/**
 * A service's reading of a failed response, from structured fields only (status, body codes,
 * policy names, retry hints), never from message text. Unset fields keep the default.
 */
export interface Classification {
  category?: ErrorCategory;
  retryable?: boolean;
  code?: string;
  /** The service's own error message, used in the error's message. */
  message?: string;
  requestId?: string;
  /** Wait before the next attempt, overriding Retry-After and backoff, in milliseconds. */
  retryAfterMs?: number;
  /** The service did not process the request, so retrying cannot repeat a side effect. */
  notProcessed?: boolean;
  /** For conflicts: the id of the record that already exists. */
  existingId?: string;
  /** Builds a service-specific subclass instead of the default class for the category. */
  createError?: (init: HttpErrorInit) => HttpError;
}

export type Classifier = (response: ResponseInfo) => Classification | undefined;

const validationStatuses = new Set([400, 405, 406, 411, 413, 414, 415, 416, 422]);

/** The default category and retry decision of a status, before any service classifier runs. */
export function categoryForStatus(status: number): { category: ErrorCategory; retryable?: boolean } {
  if (status === 401) return { category: 'authentication' };
  if (status === 402) return { category: 'payment' };
  if (status === 403) return { category: 'permission' };
  if (status === 404 || status === 410) return { category: 'not_found' };
  if (status === 408) return { category: 'timeout', retryable: true };
  if (status === 409 || status === 412 || status === 423) return { category: 'conflict' };
  if (status === 429) return { category: 'rate_limit' };
  if (validationStatuses.has(status)) return { category: 'validation' };
  // 501 Not Implemented and 505 HTTP Version Not Supported do not change on retry.
  if (status === 501 || status === 505) return { category: 'server', retryable: false };
  if (status >= 500 && status <= 599) return { category: 'server' };
  if (status >= 400 && status <= 499) return { category: 'validation' };
  return { category: 'unknown' };
}

/** Finds a human-readable message in common error body shapes. */
export function findServiceMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.message === 'string') return record.message;
  const error = record.error;
  if (typeof error === 'string')
    return typeof record.error_description === 'string' ? `${error}: ${record.error_description}` : error;
  if (error && typeof error === 'object' && typeof (error as Record<string, unknown>).message === 'string') {
    return (error as Record<string, unknown>).message as string;
  }
  return undefined;
}

export interface ErrorContext {
  service: string;
  method: string;
  redactedUrl: string;
  status: number;
  redactedHeaders: Record<string, string>;
  redactedBody: unknown;
  requestId: string | undefined;
  retryAfterMs: number | undefined;
  classification: Classification | undefined;
  redactText: (text: string) => string;
}

/** Builds the error for a failed response, applying the service's classification. */
export function createHttpError(context: ErrorContext): HttpError {
  const classification = context.classification ?? {};
  const fallback = categoryForStatus(context.status);
  const category = classification.category ?? fallback.category;
  const serviceMessage = classification.message ?? findServiceMessage(context.redactedBody);
  const code = classification.code;

  const detail = serviceMessage ? `: ${context.redactText(serviceMessage)}` : '';
  const codeText = code ? ` (${code})` : '';
  const requestIdText = context.requestId ? ` [request id ${context.requestId}]` : '';
  const init: HttpErrorInit = {
    message: `${context.service} ${context.method} ${context.redactedUrl} failed with HTTP ${context.status}${codeText}${detail}${requestIdText}`,
    category,
    method: context.method,
    url: context.redactedUrl,
    status: context.status,
    headers: context.redactedHeaders,
    body: context.redactedBody,
    requestId: classification.requestId ?? context.requestId,
    retryable: classification.retryable ?? fallback.retryable,
    code,
    service: context.service,
    retryAfterMs: classification.retryAfterMs ?? context.retryAfterMs,
    notProcessed: classification.notProcessed,
  };

  if (classification.createError) return classification.createError(init);
  if (category === 'rate_limit') return new RateLimitError(init);
  if (category === 'conflict') return new ConflictError({ ...init, existingId: classification.existingId });
  return new HttpError(init);
}
