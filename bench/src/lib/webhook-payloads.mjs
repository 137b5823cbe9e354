// Signed 2 KB webhook requests per scheme, signed here with node:crypto by each scheme's
// published recipe, so the verifiers under test are checked against an independent signer.
import { createHmac } from 'node:crypto';

export const bodyBytes = 2048;

export const secrets = {
  stripe: 'whsec_bench5f0c7a1e9d3b4c2a8e6f0d1c3b5a7e9',
  hubspot: 'b3f1c2d4-bench-4e5f-8a9b-0c1d2e3f4a5b',
  // Standard Webhooks: base64 of 24 key bytes after the whsec_ prefix.
  standard: `whsec_${Buffer.from('bench-standard-key-24byt').toString('base64')}`,
  github: 'bench-github-webhook-secret',
};

export const hubSpotPublicUrl = 'https://hooks.example.com';
export const hubSpotPath = '/webhooks/hubspot';

/** Pads a JSON document with a `description` field to exactly `bodyBytes` bytes. */
function padded(document) {
  const base = JSON.stringify({ ...document, description: '' });
  return JSON.stringify({ ...document, description: 'x'.repeat(bodyBytes - base.length) });
}

function stripeBody() {
  return padded({
    id: 'evt_1BenchStripeEvent0001',
    object: 'event',
    api_version: '2026-07-29.dahlia',
    created: 1_764_800_000,
    type: 'invoice.paid',
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: 'in_1BenchInvoice0001',
        object: 'invoice',
        amount_paid: 1050,
        currency: 'usd',
        customer: 'cus_QXg1o8vcGmoR32',
        status: 'paid',
      },
    },
  });
}

function hubSpotBody() {
  const events = Array.from({ length: 4 }, (_, index) => ({
    eventId: 1_000 + index,
    subscriptionId: 2_001,
    portalId: 62_515,
    appId: 54_321,
    occurredAt: 1_764_800_000_000 + index,
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId: 5_100 + index,
    propertyName: 'lifecyclestage',
    propertyValue: 'salesqualifiedlead',
    changeSource: 'CRM',
  }));
  const base = JSON.stringify(events);
  // A HubSpot delivery is a JSON array, and its last event carries the padding.
  events[3].sourceId = 'x'.repeat(bodyBytes - base.length - ',"sourceId":""'.length);
  return JSON.stringify(events);
}

function standardBody() {
  return padded({ type: 'invoice.paid', timestamp: '2026-12-04T12:00:00Z', data: { id: 'inv_bench_0001' } });
}

function githubBody() {
  return padded({
    action: 'opened',
    number: 42,
    repository: { id: 1, full_name: 'example/patchbay' },
    sender: { login: 'octocat', id: 1 },
  });
}

/**
 * Returns `{ body, headers, context }` for a scheme, signed at `nowMs`. `context` contains what the
 * HubSpot v3 check also needs (method and request URL, as verify() options take them).
 */
export function signedRequest(scheme, nowMs = Date.now()) {
  const seconds = Math.floor(nowMs / 1000);
  if (scheme === 'stripe') {
    const body = stripeBody();
    const signature = createHmac('sha256', secrets.stripe).update(`${seconds}.${body}`).digest('hex');
    return { body, headers: { 'stripe-signature': `t=${seconds},v1=${signature}` }, context: {} };
  }
  if (scheme === 'hubspot') {
    const body = hubSpotBody();
    const timestamp = String(nowMs);
    const uri = `${hubSpotPublicUrl}${hubSpotPath}`;
    const signature = createHmac('sha256', secrets.hubspot)
      .update(`POST${uri}${body}${timestamp}`)
      .digest('base64');
    return {
      body,
      headers: {
        'x-hubspot-signature-v3': signature,
        'x-hubspot-request-timestamp': timestamp,
        'content-type': 'application/json',
      },
      context: { method: 'POST', url: hubSpotPath },
    };
  }
  if (scheme === 'standard') {
    const body = standardBody();
    const id = 'msg_2BenchStandardWebhook01';
    const key = Buffer.from(secrets.standard.slice('whsec_'.length), 'base64');
    const signature = createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64');
    return {
      body,
      headers: {
        'webhook-id': id,
        'webhook-timestamp': String(seconds),
        'webhook-signature': `v1,${signature}`,
      },
      context: {},
    };
  }
  if (scheme === 'github') {
    const body = githubBody();
    const signature = createHmac('sha256', secrets.github).update(body).digest('hex');
    return {
      body,
      headers: {
        'x-hub-signature-256': `sha256=${signature}`,
        'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
        'x-github-event': 'pull_request',
      },
      context: {},
    };
  }
  throw new Error(`Unknown scheme ${scheme}.`);
}
