import { createHash } from 'node:crypto';
import { ConfigurationError } from '@patchbay/core';
import { readJsonFixture } from '@patchbay/test-utils';
import { describe, expect, it } from 'vitest';
import { InvalidSecretError } from '../errors/invalid-secret-error.js';
import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { MissingHeaderError } from '../errors/missing-header-error.js';
import { SignatureMismatchError } from '../errors/signature-mismatch-error.js';
import { FutureTimestampError, StaleTimestampError } from '../errors/timestamp-errors.js';
import { decodeHubSpotV3Uri } from '../signing/hubspot-signature.js';
import { signHubSpotWebhook } from '../testing/index.js';
import { createHubSpotVerifier } from './hubspot-verifier.js';

interface HubSpotVector {
  version: 'v1' | 'v2' | 'v3';
  client_secret: string;
  method?: string;
  uri?: string;
  body: string;
  timestamp?: string;
  expected: string;
}

const fixture = readJsonFixture<{ rules: { max_age_ms: number }; vectors: HubSpotVector[] }>(
  'signatures/hubspot.json',
);
const clientSecret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const nowMs = 1_700_000_000_000;

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

function vectorHeaders(vector: HubSpotVector): Record<string, string> {
  if (vector.version === 'v3') {
    return { 'X-HubSpot-Signature-v3': vector.expected, 'X-HubSpot-Request-Timestamp': vector.timestamp! };
  }
  return { 'X-HubSpot-Signature': vector.expected, 'X-HubSpot-Signature-Version': vector.version };
}

describe('createHubSpotVerifier', () => {
  it.each(fixture.vectors)('verifies the $version known answer ($expected)', (vector) => {
    const verifier = createHubSpotVerifier({ clientSecret: vector.client_secret, version: vector.version });
    const result = verifier.verify(vector.body, vectorHeaders(vector), {
      url: vector.uri,
      method: vector.method,
      now: vector.timestamp === undefined ? undefined : Number(vector.timestamp),
    });
    expect(result.hubspotVersion).toBe(vector.version);
    expect(result.secretIndex).toBe(0);
    if (vector.version !== 'v1') expect(result.signedUri).toBe(vector.uri);
  });

  it.each(fixture.vectors)('signs the $version known answer with the testing helper', (vector) => {
    const signed = signHubSpotWebhook({
      payload: vector.body,
      clientSecret: vector.client_secret,
      version: vector.version,
      url: vector.uri,
      method: vector.method,
      timestampMs: vector.timestamp === undefined ? undefined : Number(vector.timestamp),
    });
    const header = vector.version === 'v3' ? 'x-hubspot-signature-v3' : 'x-hubspot-signature';
    expect(signed.headers[header]).toBe(vector.expected);
  });

  it('picks the version from the headers in auto mode', () => {
    const verifier = createHubSpotVerifier({ clientSecret, version: 'auto' });
    const body = '[]';
    const url = 'https://hooks.example.test/hubspot';
    for (const version of ['v1', 'v2', 'v3'] as const) {
      const signed = signHubSpotWebhook({ payload: body, clientSecret, version, url, timestampMs: nowMs });
      expect(verifier.verify(signed.body, signed.headers, { url, now: nowMs }).hubspotVersion).toBe(version);
    }
  });

  it('rejects a version header that differs from the configured version', () => {
    const verifier = createHubSpotVerifier({ clientSecret, version: 'v1' });
    const signed = signHubSpotWebhook({ payload: '[]', clientSecret, version: 'v2', url: 'https://x.test/' });
    const error = catchError(() => verifier.verify(signed.body, signed.headers));
    expect(MalformedHeaderError.isInstance(error)).toBe(true);
  });

  it('requires v3 headers by default', () => {
    const signed = signHubSpotWebhook({ payload: '[]', clientSecret, version: 'v1' });
    const error = catchError(() =>
      createHubSpotVerifier({ clientSecret }).verify(signed.body, signed.headers),
    );
    expect(MissingHeaderError.isInstance(error)).toBe(true);
    expect((error as MissingHeaderError).header).toBe('X-HubSpot-Signature-v3');
  });

  describe('v3 replay window in milliseconds', () => {
    const url = 'https://hooks.example.test/hubspot';
    const verifier = createHubSpotVerifier({ clientSecret });
    const verifyAt = (offsetMs: number) => {
      const signed = signHubSpotWebhook({ payload: '[]', clientSecret, url, timestampMs: nowMs + offsetMs });
      return () => verifier.verify(signed.body, signed.headers, { url, now: nowMs });
    };

    it('uses the 300 000 ms window from the fixture rules', () => {
      expect(fixture.rules.max_age_ms).toBe(300_000);
    });

    it('accepts 299 999 ms on either side', () => {
      expect(verifyAt(-299_999)().timestamp?.getTime()).toBe(nowMs - 299_999);
      expect(verifyAt(299_999)().timestamp?.getTime()).toBe(nowMs + 299_999);
    });

    it('rejects 300 001 ms on either side', () => {
      const stale = catchError(verifyAt(-300_001)) as StaleTimestampError;
      const future = catchError(verifyAt(300_001)) as FutureTimestampError;
      expect(StaleTimestampError.isInstance(stale)).toBe(true);
      expect(stale.differenceMs).toBe(300_001);
      expect(stale.message).toContain('300.001 s older than now');
      expect(FutureTimestampError.isInstance(future)).toBe(true);
      expect(future.side).toBe('future');
    });

    it('rejects 301 s on either side', () => {
      expect(StaleTimestampError.isInstance(catchError(verifyAt(-301_000)))).toBe(true);
      expect(FutureTimestampError.isInstance(catchError(verifyAt(301_000)))).toBe(true);
    });

    it('reports a seconds-based or missing timestamp as a header error', () => {
      const signed = signHubSpotWebhook({ payload: '[]', clientSecret, url, timestampMs: nowMs });
      const malformed = { ...signed.headers, 'x-hubspot-request-timestamp': '1700000000.5' };
      const { 'x-hubspot-request-timestamp': _omitted, ...missing } = signed.headers;
      expect(
        MalformedHeaderError.isInstance(catchError(() => verifier.verify(signed.body, malformed, { url }))),
      ).toBe(true);
      expect(
        MissingHeaderError.isInstance(catchError(() => verifier.verify(signed.body, missing, { url }))),
      ).toBe(true);
    });
  });

  describe('v3 URI decoding', () => {
    it('decodes only the listed escapes, in either case', () => {
      const uri = 'https://h.test/a%3Ab%3ac%2F%3F%40%21%24%27%28%29%2A%2C%3B?q=a%20b%2B%25%26%3D%7E';
      expect(decodeHubSpotV3Uri(uri)).toBe("https://h.test/a:b:c/?@!$'()*,;?q=a%20b%2B%25%26%3D%7E");
    });
  });

  describe('secret validation', () => {
    it('rejects a private-app access token', () => {
      const token = 'pat-na1-12345678-abcd-1234-abcd-1234567890ab';
      const error = catchError(() => createHubSpotVerifier({ clientSecret: token })) as InvalidSecretError;
      expect(InvalidSecretError.isInstance(error)).toBe(true);
      expect(error.option).toBe('clientSecret');
      expect(error.message).toContain('private-app access token');
      expect(error.message).toContain("app's client secret");
      expect(error.message).not.toContain(token);
    });

    it('rejects a client secret with a trailing newline', () => {
      const error = catchError(() => createHubSpotVerifier({ clientSecret: `${clientSecret}\n` })) as Error;
      expect(error.message).toContain('trailing newline');
      expect(error.message).toContain('client secret');
    });
  });

  it('shows the URI it checked and fingerprints in a mismatch', () => {
    const signed = signHubSpotWebhook({
      payload: '[]',
      clientSecret,
      url: 'https://hooks.example.test/hubspot',
      timestampMs: nowMs,
    });
    const verifier = createHubSpotVerifier({ clientSecret });
    const error = catchError(() =>
      verifier.verify(signed.body, signed.headers, { url: 'http://internal:8080/hubspot', now: nowMs }),
    ) as SignatureMismatchError;
    expect(SignatureMismatchError.isInstance(error)).toBe(true);
    expect(error.signedUri).toBe('http://internal:8080/hubspot');
    expect(error.message).toContain('http://internal:8080/hubspot');
    expect(error.message).toContain('publicUrl');
    expect(error.secretFingerprints).toEqual([
      createHash('sha256').update(clientSecret).digest('hex').slice(0, 8),
    ]);
    expect(JSON.stringify(error)).not.toContain(clientSecret);
  });

  it('raises a configuration error when v3 gets no URL', () => {
    const signed = signHubSpotWebhook({
      payload: '[]',
      clientSecret,
      url: 'https://x.test/',
      timestampMs: nowMs,
    });
    const verifier = createHubSpotVerifier({ clientSecret });
    const withoutUrl = catchError(() =>
      verifier.verify(signed.body, signed.headers, { now: nowMs }),
    ) as ConfigurationError;
    const withoutHost = catchError(() =>
      verifier.verify(signed.body, signed.headers, { url: '/hubspot', now: nowMs }),
    ) as ConfigurationError;
    expect(ConfigurationError.isInstance(withoutUrl)).toBe(true);
    expect(withoutUrl.option).toBe('url');
    expect(ConfigurationError.isInstance(withoutHost)).toBe(true);
    expect(withoutHost.option).toBe('publicUrl');
  });

  it('rejects a publicUrl with a query at creation', () => {
    const error = catchError(() => createHubSpotVerifier({ clientSecret, publicUrl: 'https://x.test/?a=1' }));
    expect((error as ConfigurationError).option).toBe('publicUrl');
  });
});
