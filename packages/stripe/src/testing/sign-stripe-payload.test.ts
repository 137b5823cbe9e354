import { readJsonFixture } from '@patchbay/test-utils';
import { createStripeVerifier } from '@patchbay/webhooks';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, signStripePayload } from './sign-stripe-payload.js';

interface KnownAnswers {
  hmac_known_answers: { secret: string; cases: Array<{ payload: string; expected_hex: string }> };
}

describe('signStripePayload', () => {
  it('matches the HMAC-SHA256 known answers', async () => {
    const { secret, cases } = readJsonFixture<KnownAnswers>('signatures/stripe.json').hmac_known_answers;
    expect(cases.length).toBeGreaterThanOrEqual(3);
    for (const { payload, expected_hex } of cases)
      expect(await hmacSha256Hex(secret, payload)).toBe(expected_hex);
  });

  it('signs "<t>.<payload>" in the t=,v1= header format', async () => {
    const header = await signStripePayload('{"id":"evt_1"}', 'whsec_abc', 1_700_000_000);
    expect(header).toBe(`t=1700000000,v1=${await hmacSha256Hex('whsec_abc', '1700000000.{"id":"evt_1"}')}`);
  });

  it('produces headers the webhooks Stripe verifier accepts', async () => {
    const header = await signStripePayload('{"id":"evt_test"}', 'whsec_test_secret', 1_700_000_000);
    const verifier = createStripeVerifier({ secrets: ['whsec_test_secret'] });
    const result = verifier.verify(
      '{"id":"evt_test"}',
      { 'stripe-signature': header },
      { now: 1_700_000_000_000 },
    );
    expect(result.scheme).toBe('stripe');
    expect(result.timestamp?.getTime()).toBe(1_700_000_000_000);
    expect(() =>
      verifier.verify('{"id":"evt_other"}', { 'stripe-signature': header }, { now: 1_700_000_000_000 }),
    ).toThrow();
  });
});
