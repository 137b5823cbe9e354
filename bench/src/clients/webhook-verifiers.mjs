// The webhook verifications compared per scheme. Each factory returns `verify(request)`, which
// returns (or resolves to) a truthy value for a valid signature and false or a throw otherwise.
// Raw bodies are Buffers, as a server reads them, except where a library accepts only strings.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { hubSpotPath, hubSpotPublicUrl, secrets } from '../lib/webhook-payloads.mjs';

const toleranceMs = 300_000;

function equalText(expected, received) {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** node:crypto HMAC and timingSafeEqual with the least header parsing each scheme needs. */
const raw = {
  stripe(request) {
    let timestamp;
    let signature;
    for (const part of request.headers['stripe-signature'].split(',')) {
      if (part.startsWith('t=')) timestamp = part.slice(2);
      else if (part.startsWith('v1=')) signature = part.slice(3);
    }
    if (Math.abs(Date.now() - Number(timestamp) * 1000) > toleranceMs) return false;
    const expected = createHmac('sha256', secrets.stripe)
      .update(`${timestamp}.`)
      .update(request.body)
      .digest('hex');
    return equalText(expected, signature);
  },
  hubspot(request) {
    const timestamp = request.headers['x-hubspot-request-timestamp'];
    if (Math.abs(Date.now() - Number(timestamp)) > toleranceMs) return false;
    const expected = createHmac('sha256', secrets.hubspot)
      .update(`POST${hubSpotPublicUrl}${hubSpotPath}`)
      .update(request.body)
      .update(timestamp)
      .digest('base64');
    return equalText(expected, request.headers['x-hubspot-signature-v3']);
  },
  standard(request) {
    const timestamp = request.headers['webhook-timestamp'];
    if (Math.abs(Date.now() - Number(timestamp) * 1000) > toleranceMs) return false;
    const key = rawStandardKey;
    const expected = createHmac('sha256', key)
      .update(`${request.headers['webhook-id']}.${timestamp}.`)
      .update(request.body)
      .digest('base64');
    return request.headers['webhook-signature']
      .split(' ')
      .some((token) => token.startsWith('v1,') && equalText(expected, token.slice(3)));
  },
  github(request) {
    const expected = `sha256=${createHmac('sha256', secrets.github).update(request.body).digest('hex')}`;
    return equalText(expected, request.headers['x-hub-signature-256']);
  },
};
const rawStandardKey = Buffer.from(secrets.standard.slice('whsec_'.length), 'base64');

async function patchbayVerifier(scheme) {
  const webhooks = await import('@patchbay/webhooks');
  if (scheme === 'stripe') return webhooks.createStripeVerifier({ secrets: [secrets.stripe] });
  if (scheme === 'hubspot')
    return webhooks.createHubSpotVerifier({ clientSecret: secrets.hubspot, publicUrl: hubSpotPublicUrl });
  if (scheme === 'standard') return webhooks.createStandardWebhooksVerifier({ secrets: [secrets.standard] });
  return webhooks.createGitHubVerifier({ secrets: [secrets.github] });
}

/** Implementations per scheme: the label used in reports and a factory. */
export const verifierImplementations = {
  raw: { label: 'raw `node:crypto`', create: async (scheme) => raw[scheme] },
  'raw-parse': {
    label: 'raw + `JSON.parse`',
    create: async (scheme) => (request) => raw[scheme](request) && JSON.parse(request.body),
  },
  patchbay: {
    label: 'Patchbay verifier',
    create: async (scheme) => {
      const verifier = await patchbayVerifier(scheme);
      return (request) => verifier.verify(request.body, request.headers, request.context);
    },
  },
  'patchbay-parse': {
    label: 'Patchbay verifier + `JSON.parse`',
    create: async (scheme) => {
      const verifier = await patchbayVerifier(scheme);
      return (request) => {
        verifier.verify(request.body, request.headers, request.context);
        return JSON.parse(request.body);
      };
    },
  },
  'stripe-construct-event': {
    label: '`stripe` `webhooks.constructEvent`',
    schemes: ['stripe'],
    create: async () => {
      const { default: Stripe } = await import('stripe');
      const stripe = new Stripe('sk_test_bench0000000000000000');
      return (request) =>
        stripe.webhooks.constructEvent(request.body, request.headers['stripe-signature'], secrets.stripe);
    },
  },
  'stripe-verify-header': {
    label: '`stripe` `webhooks.signature.verifyHeader`',
    schemes: ['stripe'],
    create: async () => {
      const { default: Stripe } = await import('stripe');
      const stripe = new Stripe('sk_test_bench0000000000000000');
      return (request) =>
        stripe.webhooks.signature.verifyHeader(
          request.body,
          request.headers['stripe-signature'],
          secrets.stripe,
        );
    },
  },
  'hubspot-is-valid': {
    label: '`@hubspot/api-client` `Signature.isValid`',
    schemes: ['hubspot'],
    create: async () => {
      const { Signature } = await import('@hubspot/api-client');
      return (request) =>
        Signature.isValid({
          signatureVersion: 'v3',
          method: 'POST',
          url: `${hubSpotPublicUrl}${hubSpotPath}`,
          clientSecret: secrets.hubspot,
          requestBody: request.text,
          signature: request.headers['x-hubspot-signature-v3'],
          timestamp: Number(request.headers['x-hubspot-request-timestamp']),
        });
    },
  },
  standardwebhooks: {
    label: '`standardwebhooks` `Webhook.verify`',
    schemes: ['standard'],
    create: async () => {
      const { Webhook } = await import('standardwebhooks');
      const webhook = new Webhook(secrets.standard.slice('whsec_'.length));
      return (request) => webhook.verify(request.body, request.headers);
    },
  },
  octokit: {
    label: '`@octokit/webhooks-methods` `verify`',
    schemes: ['github'],
    create: async () => {
      const { verify } = await import('@octokit/webhooks-methods');
      return (request) => verify(secrets.github, request.text, request.headers['x-hub-signature-256']);
    },
  },
};
