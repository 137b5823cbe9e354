import { ConfigurationError } from '@patchbay/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidSecretError } from '../errors/invalid-secret-error.js';
import { WebhookVerificationError } from '../errors/webhook-verification-error.js';
import { createGitHubVerifier } from './github-verifier.js';
import { createHubSpotVerifier } from './hubspot-verifier.js';
import { createStandardWebhooksVerifier } from './standard-webhooks-verifier.js';
import { createStripeVerifier } from './stripe-verifier.js';
import type { WebhookVerifier } from './verifier-types.js';

const headerNames = [
  'stripe-signature',
  'Stripe-Signature',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'svix-id',
  'svix-timestamp',
  'svix-signature',
  'x-hubspot-signature',
  'X-HubSpot-Signature-Version',
  'x-hubspot-signature-v3',
  'X-HubSpot-Request-Timestamp',
  'x-hub-signature-256',
  'host',
  'x-forwarded-proto',
  'x-forwarded-host',
];

// Header values that look like the real formats, so parsing gets past the first check.
const headerValue = fc.oneof(
  fc.string(),
  fc.stringMatching(/^t=\d{0,12},v[01]=[0-9a-f]{0,64}(,v1=[0-9a-z]{0,64})?$/),
  fc.stringMatching(/^(v1,[A-Za-z0-9+/=]{0,44} ?){1,3}$/),
  fc.stringMatching(/^sha256=[0-9a-fA-F]{0,64}$/),
  fc.constantFrom('v1', 'v2', 'v3', 'v4', ''),
  fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }).map(String),
);

const headers = fc.dictionary(
  fc.oneof(fc.constantFrom(...headerNames), fc.string()),
  fc.oneof(headerValue, fc.array(headerValue, { maxLength: 3 }), fc.constant(undefined)),
);

const body = fc.oneof(fc.uint8Array({ maxLength: 256 }), fc.string({ maxLength: 256 }), fc.anything());

const verifyOptions = fc.record(
  {
    now: fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.date({ noInvalidDate: true })),
    url: fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string(), fc.constant('/hooks?a=1')),
    method: fc.constantFrom('POST', 'get', 'PUT'),
  },
  { requiredKeys: [] },
);

const verifiers: [string, WebhookVerifier][] = [
  ['stripe', createStripeVerifier({ secrets: ['whsec_property_secret_0000000000'] })],
  [
    'standard-webhooks',
    createStandardWebhooksVerifier({ secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] }),
  ],
  ['hubspot v3', createHubSpotVerifier({ clientSecret: 'property-client-secret' })],
  [
    'hubspot auto',
    createHubSpotVerifier({
      clientSecret: 'property-client-secret',
      version: 'auto',
      trustProxyHeaders: true,
    }),
  ],
  ['github', createGitHubVerifier({ secrets: ['property-secret'] })],
];

function isDocumentedError(error: unknown): boolean {
  return WebhookVerificationError.isInstance(error) || ConfigurationError.isInstance(error);
}

describe('verifiers on random input', () => {
  it.each(verifiers)('%s verifies or raises a documented error', (_name, verifier) => {
    fc.assert(
      fc.property(body, headers, verifyOptions, (rawBody, requestHeaders, options) => {
        try {
          const result = verifier.verify(rawBody as never, requestHeaders, options);
          expect(result.scheme).toBe(verifier.scheme);
        } catch (error) {
          if (!isDocumentedError(error)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['stripe', (secret: string) => createStripeVerifier({ secrets: [secret] })],
    ['standard-webhooks', (secret: string) => createStandardWebhooksVerifier({ secrets: [secret] })],
    ['hubspot', (secret: string) => createHubSpotVerifier({ clientSecret: secret })],
    ['github', (secret: string) => createGitHubVerifier({ secrets: [secret] })],
  ])('%s accepts a random secret or raises InvalidSecretError', (_name, create) => {
    const secret = fc.oneof(
      fc.string(),
      fc.string().map((text) => `whsec_${text}`),
      fc
        .uint8Array({ minLength: 0, maxLength: 40 })
        .map((bytes) => `whsec_${Buffer.from(bytes).toString('base64')}`),
    );
    fc.assert(
      fc.property(secret, (value) => {
        try {
          expect(create(value).scheme).toBeTypeOf('string');
        } catch (error) {
          if (!InvalidSecretError.isInstance(error)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});
