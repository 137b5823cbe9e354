import { ConflictError, HttpError, RateLimitError } from '@patchbay/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedTransport, settle } from '../../test/helpers/scripted-transport.js';
import { classifyHubSpotError } from './classify-hubspot-error.js';
import { createHubSpotClient } from './create-hubspot-client.js';

const message = 'You have reached your secondly limit.';

function tooMany(policyName: string, headers: Record<string, string> = {}) {
  return {
    status: 429,
    json: { status: 'error', message, errorType: 'RATE_LIMIT', correlationId: 'c-1', policyName },
    headers,
  };
}

function info(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { status, body, headers, method: 'POST', url: 'https://api.hubapi.com/crm/v3/objects/contacts' };
}

describe('classifyHubSpotError', () => {
  it('reads policyName, not the message', () => {
    const same = { status: 'error', message, errorType: 'RATE_LIMIT' };
    const ten = classifyHubSpotError(info(429, { ...same, policyName: 'TEN_SECONDLY_ROLLING' }));
    const second = classifyHubSpotError(info(429, { ...same, policyName: 'SECONDLY' }));
    const daily = classifyHubSpotError(info(429, { ...same, policyName: 'DAILY' }));
    expect(ten?.retryAfterMs).toBe(10_000);
    expect(second?.retryAfterMs).toBe(1_000);
    expect(daily?.retryable).toBe(false);
    expect(ten?.code).toBe('TEN_SECONDLY_ROLLING');
  });

  it('caps the ten-secondly wait at 10 s', () => {
    const long = classifyHubSpotError(
      info(429, { policyName: 'TEN_SECONDLY_ROLLING' }, { 'retry-after': '30' }),
    );
    const short = classifyHubSpotError(
      info(
        429,
        { policyName: 'TEN_SECONDLY_ROLLING' },
        { 'x-hubspot-ratelimit-interval-milliseconds': '4000' },
      ),
    );
    expect(long?.retryAfterMs).toBe(10_000);
    expect(short?.retryAfterMs).toBe(4_000);
  });

  it('waits at least 1 s after a secondly 429', () => {
    expect(
      classifyHubSpotError(info(429, { policyName: 'SECONDLY' }, { 'retry-after': '0' }))?.retryAfterMs,
    ).toBe(1_000);
    expect(
      classifyHubSpotError(info(429, { policyName: 'SECONDLY' }, { 'retry-after': '3' }))?.retryAfterMs,
    ).toBe(3_000);
  });

  it('marks 429s as not processed', () => {
    expect(classifyHubSpotError(info(429, { policyName: 'DAILY' }))?.notProcessed).toBe(true);
    expect(classifyHubSpotError(info(429, { policyName: 'TEN_SECONDLY_ROLLING' }))?.notProcessed).toBe(true);
  });

  it('reads the existing id of a 409', () => {
    const result = classifyHubSpotError(
      info(409, {
        status: 'error',
        message: 'Contact already exists. Existing ID: 90210',
        category: 'CONFLICT',
      }),
    );
    expect(result?.existingId).toBe('90210');
    expect(result?.category).toBe('conflict');
  });

  it('retries a locked record after 2 s', () => {
    const locked = classifyHubSpotError(
      info(423, { status: 'error', message: 'locked', category: 'LOCKED' }),
    );
    expect(locked?.retryable).toBe(true);
    expect(locked?.retryAfterMs).toBe(2_000);
    expect(locked?.category).toBe('conflict');
  });

  it('retries a migration in progress as not processed', () => {
    const migrating = classifyHubSpotError(info(477, { status: 'error', message: 'Migration in progress' }));
    expect(migrating?.category).toBe('server');
    expect(migrating?.retryable).toBe(true);
    expect(migrating?.notProcessed).toBe(true);
  });

  it('maps missing scopes to permission', () => {
    const denied = classifyHubSpotError(
      info(403, { status: 'error', message: 'no', category: 'MISSING_SCOPES' }),
    );
    expect(denied?.category).toBe('permission');
    expect(denied?.code).toBe('MISSING_SCOPES');
  });

  it('uses correlationId as the request id', () => {
    const fromBody = classifyHubSpotError(
      info(400, { correlationId: 'body-id', category: 'VALIDATION_ERROR' }),
    );
    const fromHeader = classifyHubSpotError(info(500, 'oops', { 'x-hubspot-correlation-id': 'header-id' }));
    expect(fromBody?.requestId).toBe('body-id');
    expect(fromBody?.code).toBe('VALIDATION_ERROR');
    expect(fromHeader?.requestId).toBe('header-id');
  });
});

describe('HubSpot 429 retries', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const created = { status: 201, json: { id: '1', properties: { email: 'a@x.com' } } };

  it('retries a ten-secondly 429 after the window, even for POST', async () => {
    const { transport, sent } = scriptedTransport([tooMany('TEN_SECONDLY_ROLLING'), created]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport, limits: false });
    const record = await settle(hubspot.contacts.create({ properties: { email: 'a@x.com' } }));
    expect(record.id).toBe('1');
    expect(sent).toHaveLength(2);
    expect((sent[1]?.atMs ?? 0) - (sent[0]?.atMs ?? 0)).toBeGreaterThanOrEqual(10_000);
    expect((sent[1]?.atMs ?? 0) - (sent[0]?.atMs ?? 0)).toBeLessThanOrEqual(10_250);
  });

  it('waits at least 1 s after a secondly 429', async () => {
    const page = { status: 200, json: { total: 0, results: [] } };
    const { transport, sent } = scriptedTransport([tooMany('SECONDLY'), page]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport, limits: false });
    await settle(hubspot.contacts.search({}), 50);
    expect(sent).toHaveLength(2);
    expect((sent[1]?.atMs ?? 0) - (sent[0]?.atMs ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it('does not retry a daily 429', async () => {
    const { transport, sent } = scriptedTransport([tooMany('DAILY'), created]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport, limits: false });
    const error = await settle(hubspot.contacts.create({ properties: { email: 'a@x.com' } })).catch(
      (caught) => caught,
    );
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).code).toBe('DAILY');
    expect(sent).toHaveLength(1);
  });

  it('makes at most 4 calls with maxRetries 3', async () => {
    const { transport, sent } = scriptedTransport([tooMany('TEN_SECONDLY_ROLLING')]);
    const hubspot = createHubSpotClient({
      accessToken: 'pat-test',
      transport,
      limits: false,
      retry: { maxRetries: 3 },
    });
    const error = await settle(hubspot.contacts.create({ properties: { email: 'a@x.com' } })).catch(
      (caught) => caught,
    );
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).attempts).toBe(4);
    expect(sent).toHaveLength(4);
  });

  it('exposes the existing id on a conflict', async () => {
    const conflict = {
      status: 409,
      json: { status: 'error', message: 'Contact already exists. Existing ID: 90210', category: 'CONFLICT' },
    };
    const { transport } = scriptedTransport([conflict]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport, limits: false });
    const error = await hubspot.contacts
      .create({ properties: { email: 'a@x.com' } })
      .catch((caught) => caught);
    expect(ConflictError.isInstance(error)).toBe(true);
    expect((error as ConflictError).existingId).toBe('90210');
    expect(HttpError.isInstance(error)).toBe(true);
    expect((error as HttpError).status).toBe(409);
  });
});
