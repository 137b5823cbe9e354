import { readJsonFixture } from '@patchbay/test-utils';
import { describe, expect, it } from 'vitest';
import { InvalidSecretError } from '../errors/invalid-secret-error.js';
import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { MissingHeaderError } from '../errors/missing-header-error.js';
import { SignatureMismatchError } from '../errors/signature-mismatch-error.js';
import { FutureTimestampError, StaleTimestampError } from '../errors/timestamp-errors.js';
import { signStandardWebhook } from '../testing/index.js';
import { createStandardWebhooksVerifier } from './standard-webhooks-verifier.js';

interface StandardWebhooksFixture {
  vectors: {
    secret: string;
    msg_id: string;
    timestamp: number;
    payload: string;
    expected_signature: string;
  }[];
  must_reject: { cases: { why: string; 'webhook-signature'?: string; secret?: string }[] };
  parse_only_example: Record<string, string>;
}

const fixture = readJsonFixture<StandardWebhooksFixture>('signatures/standard-webhooks.json');
const [firstVector] = fixture.vectors as [StandardWebhooksFixture['vectors'][number]];

const nowMs = 1_700_000_000_000;
const nowSeconds = 1_700_000_000;
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

function vectorHeaders(vector: StandardWebhooksFixture['vectors'][number], signature: string) {
  return {
    'webhook-id': vector.msg_id,
    'webhook-timestamp': String(vector.timestamp),
    'webhook-signature': signature,
  };
}

describe('createStandardWebhooksVerifier', () => {
  it.each(fixture.vectors)('verifies the known answer for $msg_id', (vector) => {
    const verifier = createStandardWebhooksVerifier({ secrets: [vector.secret] });
    const result = verifier.verify(vector.payload, vectorHeaders(vector, vector.expected_signature), {
      now: vector.timestamp * 1000,
    });
    expect(result.webhookId).toBe(vector.msg_id);
    expect(result.timestamp?.getTime()).toBe(vector.timestamp * 1000);
  });

  it('signs the known answers with the testing helper', () => {
    for (const vector of fixture.vectors) {
      const signed = signStandardWebhook({
        payload: vector.payload,
        secret: vector.secret,
        id: vector.msg_id,
        timestampSeconds: vector.timestamp,
      });
      expect(signed.headers['webhook-signature']).toBe(vector.expected_signature);
    }
  });

  it('accepts the secret without the whsec_ prefix', () => {
    const verifier = createStandardWebhooksVerifier({ secrets: [firstVector.secret.slice('whsec_'.length)] });
    const headers = vectorHeaders(firstVector, firstVector.expected_signature);
    expect(
      verifier.verify(firstVector.payload, headers, { now: firstVector.timestamp * 1000 }).secretIndex,
    ).toBe(0);
  });

  it('finds v1 among other versions', () => {
    const verifier = createStandardWebhooksVerifier({ secrets: [firstVector.secret] });
    const header = `v1,AAAA ${firstVector.expected_signature} v2,BBBB`;
    const result = verifier.verify(firstVector.payload, vectorHeaders(firstVector, header), {
      now: firstVector.timestamp * 1000,
    });
    expect(result.secretIndex).toBe(0);
  });

  describe('fixture must_reject cases', () => {
    const verifier = createStandardWebhooksVerifier({ secrets: [firstVector.secret] });
    const now = firstVector.timestamp * 1000;
    const signatureCases = fixture.must_reject.cases.filter(
      (entry) => entry['webhook-signature'] !== undefined,
    );

    it.each(signatureCases)('$why', (entry) => {
      const raw = entry['webhook-signature']!;
      const header = raw.replace('<valid v1 here>', firstVector.expected_signature);
      if (raw.includes('<valid v1 here>')) {
        expect(
          verifier.verify(firstVector.payload, vectorHeaders(firstVector, header), { now }).secretIndex,
        ).toBe(0);
        const withoutValid = raw.replace('<valid v1 here>', '');
        const error = catchError(() =>
          verifier.verify(firstVector.payload, vectorHeaders(firstVector, withoutValid), { now }),
        );
        expect(SignatureMismatchError.isInstance(error)).toBe(true);
      } else {
        const error = catchError(() =>
          verifier.verify(firstVector.payload, vectorHeaders(firstVector, header), { now }),
        );
        expect(SignatureMismatchError.isInstance(error)).toBe(true);
      }
    });

    it('rejects timestamps outside 300 s on both sides', () => {
      const tolerance = fixture.must_reject.cases.find((entry) => 'tolerance_seconds' in entry) as {
        tolerance_seconds: number;
      };
      expect(tolerance.tolerance_seconds).toBe(300);
      const stale = catchError(() =>
        verifier.verify(firstVector.payload, vectorHeaders(firstVector, firstVector.expected_signature), {
          now: now + 301_000,
        }),
      );
      const future = catchError(() =>
        verifier.verify(firstVector.payload, vectorHeaders(firstVector, firstVector.expected_signature), {
          now: now - 301_000,
        }),
      );
      expect(StaleTimestampError.isInstance(stale)).toBe(true);
      expect(FutureTimestampError.isInstance(future)).toBe(true);
    });

    it('rejects the secret "whsec_" alone', () => {
      const entry = fixture.must_reject.cases.find((item) => item.secret !== undefined)!;
      const error = catchError(() => createStandardWebhooksVerifier({ secrets: [entry.secret!] })) as Error;
      expect(InvalidSecretError.isInstance(error)).toBe(true);
      expect(error.message).toContain('no key after the whsec_ prefix');
    });
  });

  describe('secret validation', () => {
    it.each([
      ['invalid base64', 'whsec_!!!!', 'not valid base64'],
      [
        'a key shorter than 16 bytes',
        `whsec_${Buffer.alloc(15, 7).toString('base64')}`,
        'decodes to 15 bytes',
      ],
      [
        'a pasted v1, signature',
        'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
        'signature version prefix',
      ],
      ['broken padding', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS=w', 'not valid base64'],
      ['a trailing newline', `${secret}\n`, 'trailing newline'],
    ])('rejects %s at creation', (_case, value, problem) => {
      const error = catchError(() =>
        createStandardWebhooksVerifier({ secrets: [value] }),
      ) as InvalidSecretError;
      expect(InvalidSecretError.isInstance(error)).toBe(true);
      expect(error.message).toContain(problem);
      expect(error.message).toContain('Standard Webhooks signing secret');
    });

    it('accepts a 16-byte key', () => {
      const key = `whsec_${Buffer.alloc(16, 7).toString('base64')}`;
      expect(createStandardWebhooksVerifier({ secrets: [key] }).scheme).toBe('standard-webhooks');
    });
  });

  describe('replay window', () => {
    const verifier = createStandardWebhooksVerifier({ secrets: [secret] });
    const verifyAt = (offsetSeconds: number) => {
      const signed = signStandardWebhook({
        payload: '{}',
        secret,
        timestampSeconds: nowSeconds + offsetSeconds,
      });
      return () => verifier.verify(signed.body, signed.headers, { now: nowMs });
    };

    it('accepts 299 s on either side', () => {
      expect(verifyAt(-299)().timestamp?.getTime()).toBe(nowMs - 299_000);
      expect(verifyAt(299)().timestamp?.getTime()).toBe(nowMs + 299_000);
    });

    it('rejects 301 s on either side and names the side', () => {
      const stale = catchError(verifyAt(-301)) as StaleTimestampError;
      const future = catchError(verifyAt(301)) as FutureTimestampError;
      expect(stale.side).toBe('past');
      expect(stale.message).toContain('301 s older than now');
      expect(future.side).toBe('future');
      expect(future.message).toContain('301 s ahead of now');
    });
  });

  describe('headers', () => {
    const verifier = createStandardWebhooksVerifier({ secrets: [secret] });
    const signed = signStandardWebhook({
      payload: '{"type":"x"}',
      secret,
      id: 'msg_1',
      timestampSeconds: nowSeconds,
    });

    it('accepts Svix header names', () => {
      const svix = signStandardWebhook({
        payload: '{}',
        secret,
        id: 'msg_svix',
        timestampSeconds: nowSeconds,
        headerPrefix: 'svix',
      });
      expect(Object.keys(svix.headers)).toContain('svix-signature');
      expect(verifier.verify(svix.body, svix.headers, { now: nowMs }).webhookId).toBe('msg_svix');
    });

    it('accepts Fetch Headers', () => {
      expect(verifier.verify(signed.body, new Headers(signed.headers), { now: nowMs }).webhookId).toBe(
        'msg_1',
      );
    });

    it('reports a missing timestamp as a missing header', () => {
      const { 'webhook-timestamp': _omitted, ...headers } = signed.headers;
      const error = catchError(() =>
        verifier.verify(signed.body, headers, { now: nowMs }),
      ) as MissingHeaderError;
      expect(MissingHeaderError.isInstance(error)).toBe(true);
      expect(error.header).toBe('webhook-timestamp');
    });

    it('reports a non-numeric timestamp as malformed', () => {
      const headers = { ...signed.headers, 'webhook-timestamp': '17e8' };
      const error = catchError(() =>
        verifier.verify(signed.body, headers, { now: nowMs }),
      ) as MalformedHeaderError;
      expect(MalformedHeaderError.isInstance(error)).toBe(true);
      expect(error.header).toBe('webhook-timestamp');
    });

    it('reports a header without v1 as malformed', () => {
      const headers = { ...signed.headers, 'webhook-signature': 'v1a,AAAA v2,BBBB' };
      const error = catchError(() => verifier.verify(signed.body, headers, { now: nowMs }));
      expect(MalformedHeaderError.isInstance(error)).toBe(true);
    });

    it('parses the specification example header', () => {
      const example = fixture.parse_only_example;
      const error = catchError(() =>
        verifier.verify('{}', example, { now: Number(example['webhook-timestamp']) * 1000 }),
      );
      expect(SignatureMismatchError.isInstance(error)).toBe(true);
      expect((error as SignatureMismatchError).signatureCount).toBe(1);
    });
  });
});
