import { createHash, createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHubSpotVerifier,
  createWebhookReceiver,
  type HubSpotVerifierOptions,
  type ReceiveResult,
  SignatureMismatchError,
} from '../src/index.js';
import { signHubSpotWebhook } from '../src/testing/index.js';
import { type LocalServer, sendRaw, startLocalServer } from './local-http.js';

const clientSecret = 'hubspot-proxy-client-secret-0123';
const registeredUrl =
  'https://hooks.example.test/hubspot/events?tenant=acme%3Aeu&next=%2Fdone&q=a%20b&x=1&a=2';
const requestTarget = '/hubspot/events?tenant=acme%3Aeu&next=%2Fdone&q=a%20b&x=1&a=2';
const body = '[{"eventId":7,"subscriptionType":"contact.creation","objectId":1}]';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function deliver(
  verifierOptions: Omit<HubSpotVerifierOptions, 'clientSecret'>,
  version: 'v2' | 'v3',
  forwarded: Record<string, string>,
) {
  const results: ReceiveResult[] = [];
  const receiver = createWebhookReceiver({
    verifier: createHubSpotVerifier({ clientSecret, version, ...verifierOptions }),
    handlers: {},
    onResult: (result) => void results.push(result),
  });
  server = await startLocalServer(receiver.node());
  const signed = signHubSpotWebhook({ payload: body, clientSecret, version, url: registeredUrl });
  const response = await sendRaw({
    port: server.port,
    path: requestTarget,
    headers: { ...signed.headers, host: 'internal:8080', 'x-forwarded-proto': 'https', ...forwarded },
    chunks: [body],
  });
  return { response, result: results[0] };
}

describe('HubSpot URI behind a proxy', () => {
  it('v3 signs the URI with only the listed escapes decoded', () => {
    const timestampMs = 1_700_000_000_000;
    const signed = signHubSpotWebhook({ payload: body, clientSecret, url: registeredUrl, timestampMs });
    const signedUri = 'https://hooks.example.test/hubspot/events?tenant=acme:eu&next=/done&q=a%20b&x=1&a=2';
    const expected = createHmac('sha256', clientSecret)
      .update(`POST${signedUri}${body}${timestampMs}`)
      .digest('base64');
    expect(signed.headers['x-hubspot-signature-v3']).toBe(expected);
  });

  it('v2 signs the URI exactly as registered', () => {
    const signed = signHubSpotWebhook({ payload: body, clientSecret, version: 'v2', url: registeredUrl });
    const expected = createHash('sha256').update(`${clientSecret}POST${registeredUrl}${body}`).digest('hex');
    expect(signed.headers['x-hubspot-signature']).toBe(expected);
  });

  for (const version of ['v2', 'v3'] as const) {
    describe(version, () => {
      it('verifies with a configured public URL', async () => {
        const { response, result } = await deliver({ publicUrl: 'https://hooks.example.test' }, version, {});
        expect(response.status).toBe(200);
        expect(result?.outcome).toBe('verified');
        expect(result?.outcome === 'verified' ? result.verification.signedUri : undefined).toBe(
          version === 'v2'
            ? registeredUrl
            : 'https://hooks.example.test/hubspot/events?tenant=acme:eu&next=/done&q=a%20b&x=1&a=2',
        );
      });

      it('verifies with trusted proxy headers', async () => {
        const { response } = await deliver({ trustProxyHeaders: true }, version, {
          'x-forwarded-host': 'hooks.example.test',
        });
        expect(response.status).toBe(200);
      });

      it('shows the internal URI it reconstructed without either', async () => {
        const { response, result } = await deliver({}, version, { 'x-forwarded-host': 'hooks.example.test' });
        const error = result?.outcome === 'rejected' ? result.error : undefined;
        const query =
          version === 'v2'
            ? 'tenant=acme%3Aeu&next=%2Fdone&q=a%20b&x=1&a=2'
            : 'tenant=acme:eu&next=/done&q=a%20b&x=1&a=2';
        const expectedUri = `http://internal:8080/hubspot/events?${query}`;

        expect(response.status).toBe(401);
        expect(SignatureMismatchError.isInstance(error)).toBe(true);
        expect((error as SignatureMismatchError).signedUri).toBe(expectedUri);
        expect((error as Error).message).toContain(expectedUri);
      });

      it('shows https://internal:8080 when only the proto header is trusted and present', async () => {
        const { response, result } = await deliver({ trustProxyHeaders: true }, version, {});
        const error = result?.outcome === 'rejected' ? (result.error as SignatureMismatchError) : undefined;
        expect(response.status).toBe(401);
        expect(error?.signedUri?.startsWith('https://internal:8080/hubspot/events?')).toBe(true);
      });
    });
  }

  it('keeps the query order', () => {
    const verifier = createHubSpotVerifier({ clientSecret, publicUrl: 'https://hooks.example.test' });
    const signed = signHubSpotWebhook({ payload: body, clientSecret, url: registeredUrl });
    const reordered = '/hubspot/events?tenant=acme%3Aeu&next=%2Fdone&q=a%20b&a=2&x=1';
    expect(verifier.verify(body, signed.headers, { url: requestTarget }).secretIndex).toBe(0);
    expect(() => verifier.verify(body, signed.headers, { url: reordered })).toThrow(SignatureMismatchError);
  });
});
