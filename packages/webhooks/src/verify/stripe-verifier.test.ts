import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidSecretError } from '../errors/invalid-secret-error.js';
import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { MissingHeaderError } from '../errors/missing-header-error.js';
import { SignatureMismatchError } from '../errors/signature-mismatch-error.js';
import { FutureTimestampError, StaleTimestampError } from '../errors/timestamp-errors.js';
import { computeStripeSignature } from '../signing/stripe-signature.js';
import { signStripeWebhook } from '../testing/index.js';
import { createStripeVerifier } from './stripe-verifier.js';

const nowMs = 1_700_000_000_000;
const nowSeconds = 1_700_000_000;
const secret = 'whsec_test_endpoint_secret_0123456789';
const oldSecret = 'whsec_previous_endpoint_secret_98765';
const body = '{"id":"evt_1","type":"customer.created"}';
const bytes = new TextEncoder().encode(body);

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('createStripeVerifier', () => {
  it('verifies a signed body and reports the timestamp', () => {
    const signed = signStripeWebhook({ payload: body, secret, timestampSeconds: nowSeconds });
    const result = createStripeVerifier({ secrets: [secret] }).verify(signed.body, signed.headers, {
      now: nowMs,
    });
    expect(result.scheme).toBe('stripe');
    expect(result.secretIndex).toBe(0);
    expect(result.secretLabel).toBeUndefined();
    expect(result.timestamp?.getTime()).toBe(nowMs);
  });

  it('matches the signature of a hand-built header', () => {
    const expected = computeStripeSignature(secret, nowSeconds, bytes);
    const header = `t=${nowSeconds},v1=${expected}`;
    const result = createStripeVerifier({ secrets: [secret] }).verify(
      bytes,
      { 'Stripe-Signature': header },
      { now: nowMs },
    );
    expect(result.secretIndex).toBe(0);
  });

  describe('several v1 signatures', () => {
    const oldSignature = computeStripeSignature(oldSecret, nowSeconds, bytes);
    const newSignature = computeStripeSignature(secret, nowSeconds, bytes);
    const verifier = createStripeVerifier({ secrets: [secret] });

    it('verifies with the new secret when the old signature comes first', () => {
      const header = `t=${nowSeconds},v1=${oldSignature},v1=${newSignature}`;
      expect(verifier.verify(bytes, { 'stripe-signature': header }, { now: nowMs }).secretIndex).toBe(0);
    });

    it('verifies with the new secret when the new signature comes first', () => {
      const header = `t=${nowSeconds},v1=${newSignature},v1=${oldSignature}`;
      expect(verifier.verify(bytes, { 'stripe-signature': header }, { now: nowMs }).secretIndex).toBe(0);
    });

    it('verifies when a zero-filled v1 sits next to a good one', () => {
      const header = `t=${nowSeconds},v1=${'0'.repeat(64)},v1=${newSignature}`;
      expect(verifier.verify(bytes, { 'stripe-signature': header }, { now: nowMs }).secretIndex).toBe(0);
    });

    it('rejects a header with only v0', () => {
      const header = `t=${nowSeconds},v0=${newSignature}`;
      const error = catchError(() => verifier.verify(bytes, { 'stripe-signature': header }, { now: nowMs }));
      expect(MalformedHeaderError.isInstance(error)).toBe(true);
      expect((error as MalformedHeaderError).code).toBe('malformed_header');
      expect((error as Error).message).toContain('only v0');
    });

    it('accepts a repeated equal t and rejects two different t values or none', () => {
      const repeated = `t=${nowSeconds},v1=${newSignature},t=${nowSeconds}`;
      const conflicting = `t=${nowSeconds},v1=${newSignature},t=${nowSeconds + 1}`;
      const missing = `v1=${newSignature}`;
      const verifyHeader = (header: string) =>
        catchError(() => verifier.verify(bytes, { 'stripe-signature': header }, { now: nowMs }));

      expect(verifier.verify(bytes, { 'stripe-signature': repeated }, { now: nowMs }).secretIndex).toBe(0);
      expect((verifyHeader(conflicting) as Error).message).toContain('more than one t=<timestamp>');
      expect((verifyHeader(missing) as Error).message).toContain('has no t=<timestamp> element');
    });
  });

  it('accepts either of two secrets and reports which matched', () => {
    const verifier = createStripeVerifier({
      secrets: [
        { secret: oldSecret, label: 'platform' },
        { secret, label: 'connect' },
      ],
    });
    const signedNew = signStripeWebhook({ payload: body, secret, timestampSeconds: nowSeconds });
    const signedOld = signStripeWebhook({ payload: body, secret: oldSecret, timestampSeconds: nowSeconds });
    const resultNew = verifier.verify(signedNew.body, signedNew.headers, { now: nowMs });
    const resultOld = verifier.verify(signedOld.body, signedOld.headers, { now: nowMs });
    expect([resultNew.secretIndex, resultNew.secretLabel]).toEqual([1, 'connect']);
    expect([resultOld.secretIndex, resultOld.secretLabel]).toEqual([0, 'platform']);
  });

  describe('replay window', () => {
    const verifier = createStripeVerifier({ secrets: [secret] });
    const verifyAt = (offsetSeconds: number) => {
      const signed = signStripeWebhook({
        payload: body,
        secret,
        timestampSeconds: nowSeconds + offsetSeconds,
      });
      return () => verifier.verify(signed.body, signed.headers, { now: nowMs });
    };

    it('accepts timestamps 299 s in the past and future', () => {
      expect(verifyAt(-299)().timestamp?.getTime()).toBe(nowMs - 299_000);
      expect(verifyAt(299)().timestamp?.getTime()).toBe(nowMs + 299_000);
    });

    it('rejects a timestamp 301 s old as stale', () => {
      const error = catchError(verifyAt(-301)) as StaleTimestampError;
      expect(StaleTimestampError.isInstance(error)).toBe(true);
      expect(error.code).toBe('timestamp_too_old');
      expect(error.side).toBe('past');
      expect(error.differenceMs).toBe(301_000);
      expect(error.message).toContain('301 s older than now');
    });

    it('rejects a timestamp 301 s ahead as future', () => {
      const error = catchError(verifyAt(301)) as FutureTimestampError;
      expect(FutureTimestampError.isInstance(error)).toBe(true);
      expect(error.code).toBe('timestamp_in_future');
      expect(error.side).toBe('future');
      expect(error.message).toContain('301 s ahead of now');
    });

    it('checks timestamps when no tolerance is passed', () => {
      const error = catchError(verifyAt(-3600));
      expect(StaleTimestampError.isInstance(error)).toBe(true);
    });

    it('turns the check off only with the named option', () => {
      const relaxed = createStripeVerifier({
        secrets: [secret],
        toleranceSeconds: 'disabled-i-understand-replay-risk',
      });
      const signed = signStripeWebhook({ payload: body, secret, timestampSeconds: nowSeconds - 86_400 });
      expect(relaxed.verify(signed.body, signed.headers, { now: nowMs }).secretIndex).toBe(0);
    });

    it('rejects a tolerance of 0 or less at creation', () => {
      for (const toleranceSeconds of [0, -1, Number.NaN]) {
        const error = catchError(() => createStripeVerifier({ secrets: [secret], toleranceSeconds }));
        expect((error as { option?: string }).option).toBe('toleranceSeconds');
        expect((error as Error).name).toBe('ConfigurationError');
      }
    });

    it('uses a custom tolerance', () => {
      const strict = createStripeVerifier({ secrets: [secret], toleranceSeconds: 10 });
      const signed = signStripeWebhook({ payload: body, secret, timestampSeconds: nowSeconds - 11 });
      const error = catchError(() => strict.verify(signed.body, signed.headers, { now: nowMs }));
      expect(StaleTimestampError.isInstance(error)).toBe(true);
    });
  });

  describe('malformed and missing headers', () => {
    const verifier = createStripeVerifier({ secrets: [secret] });
    const signature = computeStripeSignature(secret, nowSeconds, bytes);

    it('rejects a missing header', () => {
      const error = catchError(() => verifier.verify(bytes, {}, { now: nowMs }));
      expect(MissingHeaderError.isInstance(error)).toBe(true);
      expect((error as MissingHeaderError).header).toBe('Stripe-Signature');
    });

    it('rejects a header without t as malformed', () => {
      const error = catchError(() =>
        verifier.verify(bytes, { 'stripe-signature': `v1=${signature}` }, { now: nowMs }),
      );
      expect(MalformedHeaderError.isInstance(error)).toBe(true);
      expect(SignatureMismatchError.isInstance(error)).toBe(false);
    });

    it('rejects a non-numeric t as malformed', () => {
      for (const t of ['abc', '-5', '1.5', '']) {
        const error = catchError(() =>
          verifier.verify(bytes, { 'stripe-signature': `t=${t},v1=${signature}` }, { now: nowMs }),
        );
        expect(MalformedHeaderError.isInstance(error)).toBe(true);
      }
    });
  });

  describe('secret validation', () => {
    it.each([
      ['a trailing newline', `${secret}\n`, 'trailing newline'],
      ['a leading space', ` ${secret}`, 'leading whitespace'],
      ['a secret API key', 'sk_test_51H0000000000000000000000', 'secret API key'],
      ['a restricted key', 'rk_live_51H0000000000000000000000', 'restricted API key'],
      ['a publishable key', 'pk_test_51H0000000000000000000000', 'publishable key'],
      ['another string', 'we_1NGf00000000000000', 'does not start with whsec_'],
      ['an empty string', '', 'is empty'],
    ])('rejects %s', (_case, value, problem) => {
      const error = catchError(() => createStripeVerifier({ secrets: [value] })) as InvalidSecretError;
      expect(InvalidSecretError.isInstance(error)).toBe(true);
      expect(error.code).toBe('invalid_secret');
      expect(error.message).toContain(problem);
      expect(error.message).toContain('Stripe webhook signing secret (whsec_...)');
      if (value.trim() !== '') expect(error.message).not.toContain(value.trim());
    });

    it('rejects an empty list', () => {
      expect(InvalidSecretError.isInstance(catchError(() => createStripeVerifier({ secrets: [] })))).toBe(
        true,
      );
    });
  });

  it('shows fingerprints and never the secret in a mismatch', () => {
    const verifier = createStripeVerifier({ secrets: [secret] });
    const signed = signStripeWebhook({ payload: body, secret: oldSecret, timestampSeconds: nowSeconds });
    const error = catchError(() =>
      verifier.verify(signed.body, signed.headers, { now: nowMs }),
    ) as SignatureMismatchError;
    expect(SignatureMismatchError.isInstance(error)).toBe(true);
    const fingerprint = createHash('sha256').update(secret).digest('hex').slice(0, 8);
    expect(error.secretFingerprints).toEqual([fingerprint]);
    expect(error.message).toContain(`sha256:${error.secretFingerprints[0]}`);
    expect(error.message).toContain('raw bytes');
    expect(error.message).toContain('proxy');
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(error.message).not.toContain(signed.headers['stripe-signature']!.split('v1=')[1]);
  });
});
