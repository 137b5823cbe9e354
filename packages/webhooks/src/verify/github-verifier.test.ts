import { readJsonFixture } from '@patchbay/test-utils';
import { describe, expect, it } from 'vitest';
import { InvalidSecretError } from '../errors/invalid-secret-error.js';
import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { MissingHeaderError } from '../errors/missing-header-error.js';
import { SignatureMismatchError } from '../errors/signature-mismatch-error.js';
import { signGitHubWebhook } from '../testing/index.js';
import { createGitHubVerifier } from './github-verifier.js';

const hmacVectors = readJsonFixture<{
  hmac_known_answers: { secret: string; cases: { payload: string; expected_hex: string }[] };
}>('signatures/stripe.json').hmac_known_answers;

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('createGitHubVerifier', () => {
  // GitHub's signature is the same hex HMAC-SHA256 of the body, keyed with the secret's bytes, that
  // these Stripe crypto vectors check, so they exercise the primitive through a verifier.
  it.each(hmacVectors.cases)('verifies the HMAC known answer $expected_hex', (vector) => {
    const verifier = createGitHubVerifier({ secrets: [hmacVectors.secret] });
    const headers = { 'X-Hub-Signature-256': `sha256=${vector.expected_hex}` };
    expect(verifier.verify(vector.payload, headers).secretIndex).toBe(0);
  });

  it('verifies the UTF-8 bytes of the emoji vector as bytes', () => {
    const vector = hmacVectors.cases[2]!;
    const bytes = Buffer.from(vector.payload, 'utf8');
    expect(bytes).toHaveLength(4);
    const verifier = createGitHubVerifier({ secrets: [hmacVectors.secret] });
    expect(
      verifier.verify(bytes, { 'x-hub-signature-256': `sha256=${vector.expected_hex}` }).secretIndex,
    ).toBe(0);
  });

  it('reports the delivery id and the matching secret', () => {
    const signed = signGitHubWebhook({
      payload: { zen: 'Keep it simple' },
      secret: 'new-secret',
      deliveryId: 'd-1',
    });
    const verifier = createGitHubVerifier({
      secrets: ['old-secret', { secret: 'new-secret', label: 'new' }],
    });
    const result = verifier.verify(signed.body, signed.headers);
    expect(result).toEqual({
      scheme: 'github',
      secretIndex: 1,
      secretLabel: 'new',
      timestamp: undefined,
      webhookId: 'd-1',
    });
  });

  it('accepts upper-case hex', () => {
    const signed = signGitHubWebhook({ payload: '{}', secret: 's3cret' });
    const upper = `sha256=${signed.headers['x-hub-signature-256']!.slice(7).toUpperCase()}`;
    const result = createGitHubVerifier({ secrets: ['s3cret'] }).verify(signed.body, {
      'x-hub-signature-256': upper,
    });
    expect(result.secretIndex).toBe(0);
  });

  it('uses a custom header name', () => {
    const signed = signGitHubWebhook({ payload: '{}', secret: 's3cret' });
    const verifier = createGitHubVerifier({ secrets: ['s3cret'], headerName: 'X-Signature-256' });
    const result = verifier.verify(signed.body, {
      'x-signature-256': signed.headers['x-hub-signature-256']!,
    });
    expect(result.scheme).toBe('github');
  });

  it('separates missing, malformed and mismatched signatures', () => {
    const verifier = createGitHubVerifier({ secrets: ['s3cret'] });
    const missing = catchError(() => verifier.verify('{}', {}));
    const malformed = catchError(() => verifier.verify('{}', { 'x-hub-signature-256': 'sha1=abc' }));
    const mismatch = catchError(() =>
      verifier.verify('{}', { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }),
    );
    expect(MissingHeaderError.isInstance(missing)).toBe(true);
    expect(MalformedHeaderError.isInstance(malformed)).toBe(true);
    expect(SignatureMismatchError.isInstance(mismatch)).toBe(true);
  });

  it('rejects a GitHub access token as the secret', () => {
    const error = catchError(() => createGitHubVerifier({ secrets: ['ghp_0123456789abcdefghij'] })) as Error;
    expect(InvalidSecretError.isInstance(error)).toBe(true);
    expect(error.message).toContain('access token');
  });
});
