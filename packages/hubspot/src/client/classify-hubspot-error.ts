import type { Classification, Classifier, ResponseInfo } from '@patchbay/core';
import { readHubSpotErrorBody } from './hubspot-error-body.js';
import { rateLimitPolicies, secondlyWindowMs, tenSecondlyWindowMs } from './rate-limit-policies.js';

// HubSpot names the record a duplicate create collides with only inside the message, as in
// "Contact already exists. Existing ID: 90210". The id is read from there; retry decisions never are.
const existingIdPattern = /Existing ID: ?(\d+)/;

function headerNumber(headers: Record<string, string>, name: string): number | undefined {
  const raw = headers[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function retryAfterMs(headers: Record<string, string>): number | undefined {
  const seconds = headerNumber(headers, 'retry-after');
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

function classifyRateLimit(response: ResponseInfo, policyName: string | undefined): Classification {
  // HubSpot does not process a request it rejects with 429, so even a POST may be retried.
  const base: Classification = { category: 'rate_limit', notProcessed: true, code: policyName };
  if (policyName === rateLimitPolicies.daily) {
    // The daily budget returns at the account's midnight; retrying within a call cannot succeed.
    return { ...base, retryable: false };
  }
  if (policyName === rateLimitPolicies.secondly) {
    const demanded = retryAfterMs(response.headers) ?? 0;
    return { ...base, retryable: true, retryAfterMs: Math.max(secondlyWindowMs, demanded) };
  }
  if (policyName === rateLimitPolicies.tenSecondly) {
    const windowMs =
      retryAfterMs(response.headers) ??
      headerNumber(response.headers, 'x-hubspot-ratelimit-interval-milliseconds') ??
      tenSecondlyWindowMs;
    return { ...base, retryable: true, retryAfterMs: Math.min(tenSecondlyWindowMs, windowMs) };
  }
  // NOTE: HubSpot documents no other policy names; an unnamed 429 waits one second at least.
  return {
    ...base,
    retryable: true,
    retryAfterMs: Math.max(secondlyWindowMs, retryAfterMs(response.headers) ?? 0),
  };
}

/**
 * Classifies a failed HubSpot response from the body's structured fields (`category`,
 * `policyName`, `correlationId`) and the status, following
 * https://developers.hubspot.com/docs/api-reference/error-handling.
 */
export const classifyHubSpotError: Classifier = (response) => {
  const body = readHubSpotErrorBody(response.body);
  const requestId = body?.correlationId ?? response.headers['x-hubspot-correlation-id'];
  const common: Classification = {
    requestId,
    message: body?.message,
    code: body?.subCategory ?? body?.category,
  };

  if (response.status === 429) return { ...common, ...classifyRateLimit(response, body?.policyName) };
  if (response.status === 409) {
    const existingId = body?.message?.match(existingIdPattern)?.[1];
    return { ...common, category: 'conflict', existingId };
  }
  if (response.status === 423) {
    // A locked record (for example during a merge) frees up within seconds, and HubSpot recommends waiting two.
    return { ...common, category: 'conflict', retryable: true, retryAfterMs: 2_000 };
  }
  if (response.status === 477) {
    // 477 Migration in Progress: the account is moving between data centres, and Retry-After gives the wait.
    return { ...common, category: 'server', retryable: true, notProcessed: true };
  }
  if (response.status === 401) return { ...common, category: 'authentication' };
  if (response.status === 403) return { ...common, category: 'permission' };
  return common;
};
