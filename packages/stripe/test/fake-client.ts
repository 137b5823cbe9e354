import { createStripeClient, type StripeClientOptions } from '../src/index.js';
import { createFakeStripe, type FakeStripe, type FakeStripeOptions } from '../src/testing/index.js';

export const testKey = 'sk_test_51FakeKeyForPatchbayTests0000000000';
export const apiVersion = '2026-07-29.dahlia';

/** Creates a fake Stripe and a client on its transport, with fast retries and no limiter. */
export function fakeAndClient(
  fakeOptions: FakeStripeOptions = {},
  clientOptions: Partial<StripeClientOptions> = {},
) {
  const fake: FakeStripe = createFakeStripe({ seed: 7, searchIndexLagMs: 0, ...fakeOptions });
  const stripe = createStripeClient({
    apiKey: testKey,
    apiVersion,
    transport: fake.transport,
    retry: { initialDelayMs: 1, maxDelayMs: 5 },
    limits: false,
    ...clientOptions,
  });
  return { fake, stripe };
}
