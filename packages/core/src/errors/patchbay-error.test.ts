import { describe, expect, it } from 'vitest';
import { errorMatrix } from './error-matrix.js';
import { ConflictError, HttpError, RateLimitError } from './http-error.js';
import { PatchbayError } from './patchbay-error.js';
import { NetworkError, TimeoutError } from './request-errors.js';

function httpInit(status: number) {
  return {
    message: `HTTP ${status}`,
    category: 'rate_limit' as const,
    method: 'GET',
    url: 'https://api.example.test/v1/things',
    status,
    headers: {},
    body: { error: 'slow down' },
  };
}

describe('PatchbayError', () => {
  it('sets name, category and cause', () => {
    const cause = new Error('socket hang up');
    const error = new NetworkError('Connection reset', { method: 'GET', url: 'https://x.test/', cause });
    expect(error.name).toBe('NetworkError');
    expect(error.category).toBe('network');
    expect(error.cause).toBe(cause);
    expect(error.retryable).toBe(true);
  });

  it('takes retryable from the error matrix by default', () => {
    const error = new PatchbayError('nope', { category: 'validation' });
    expect(error.retryable).toBe(errorMatrix.validation.retried);
    expect(new PatchbayError('x', { category: 'server', retryable: false }).retryable).toBe(false);
  });

  it('recognises instances across module copies', () => {
    const error = new RateLimitError(httpInit(429));
    // A plain object carrying the same marker stands in for an instance from another copy.
    const foreign = Object.create(null) as Record<symbol, unknown>;
    foreign[Symbol.for('@patchbay/core/error-kinds')] = ['RateLimitError', 'HttpError', 'PatchbayError'];

    expect(HttpError.isInstance(error)).toBe(true);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(PatchbayError.isInstance(error)).toBe(true);
    expect(ConflictError.isInstance(error)).toBe(false);
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(TimeoutError.isInstance(foreign)).toBe(false);
    expect(PatchbayError.isInstance(new Error('plain'))).toBe(false);
    expect(PatchbayError.isInstance(null)).toBe(false);
  });

  it('serializes to JSON with its fields and cause', () => {
    const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const error = new ConflictError({ ...httpInit(409), category: 'conflict', existingId: '90210', cause });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: 'ConflictError',
      category: 'conflict',
      status: 409,
      existingId: '90210',
      body: { error: 'slow down' },
      cause: { name: 'Error', message: 'read ECONNRESET', code: 'ECONNRESET' },
    });
  });
});
