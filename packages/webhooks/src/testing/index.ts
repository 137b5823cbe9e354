import { InvalidSecretError } from '../errors/invalid-secret-error.js';
import { computeGitHubSignature } from '../signing/github-signature.js';
import {
  computeHubSpotV1Signature,
  computeHubSpotV2Signature,
  computeHubSpotV3Signature,
  decodeHubSpotV3Uri,
} from '../signing/hubspot-signature.js';
import { computeStandardWebhooksSignature } from '../signing/standard-webhooks-signature.js';
import { computeStripeSignature, formatStripeSignatureHeader } from '../signing/stripe-signature.js';
import { parseStandardWebhooksSecret } from '../verify/parse-standard-webhooks-secret.js';

/** A signed request ready to send to a handler under test. */
export interface SignedWebhook {
  /** The exact body that was signed. */
  body: string;
  /** Headers with lower-case names. */
  headers: Record<string, string>;
}

/** A body to sign: a string is used as is, anything else is serialized with `JSON.stringify`. */
export type TestPayload = string | object;

const encoder = new TextEncoder();

function toBody(payload: TestPayload): string {
  return typeof payload === 'string' ? payload : JSON.stringify(payload);
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export interface SignStripeWebhookOptions {
  payload: TestPayload;
  /** Endpoint signing secret (`whsec_...`). */
  secret: string;
  /** The `t` value. @default the current time */
  timestampSeconds?: number;
  /** More `v1` signatures to place after the real one, such as a signature from a rotated-out secret. */
  extraSignatures?: readonly string[];
}

/** Signs a body the way Stripe does and returns it with a `stripe-signature` header. */
export function signStripeWebhook(options: SignStripeWebhookOptions): SignedWebhook {
  const body = toBody(options.payload);
  const timestamp = options.timestampSeconds ?? nowSeconds();
  const signature = computeStripeSignature(options.secret, timestamp, encoder.encode(body));
  const header = formatStripeSignatureHeader(timestamp, [signature, ...(options.extraSignatures ?? [])]);
  return { body, headers: { 'content-type': 'application/json', 'stripe-signature': header } };
}

export interface SignStandardWebhookOptions {
  payload: TestPayload;
  /** Signing secret (`whsec_<base64>`; the prefix is optional). */
  secret: string;
  /** The `webhook-id` value. @default a random `msg_...` id */
  id?: string;
  /** The `webhook-timestamp` value. @default the current time */
  timestampSeconds?: number;
  /** Header names to use: `webhook-*` (Standard Webhooks) or `svix-*` (Svix). @default 'webhook' */
  headerPrefix?: 'webhook' | 'svix';
}

/** Signs a body the way a Standard Webhooks (or Svix) sender does. */
export function signStandardWebhook(options: SignStandardWebhookOptions): SignedWebhook {
  const parsed = parseStandardWebhooksSecret(options.secret);
  if (parsed.key === undefined) {
    throw new InvalidSecretError(`secret ${parsed.problem}.`, {
      scheme: 'standard-webhooks',
      option: 'secret',
      secretIndex: 0,
    });
  }
  const body = toBody(options.payload);
  const id = options.id ?? `msg_${crypto.randomUUID().replaceAll('-', '')}`;
  const timestamp = options.timestampSeconds ?? nowSeconds();
  const signature = computeStandardWebhooksSignature(parsed.key, id, timestamp, encoder.encode(body));
  const prefix = options.headerPrefix ?? 'webhook';
  return {
    body,
    headers: {
      'content-type': 'application/json',
      [`${prefix}-id`]: id,
      [`${prefix}-timestamp`]: String(timestamp),
      [`${prefix}-signature`]: `v1,${signature}`,
    },
  };
}

export interface SignHubSpotWebhookOptions {
  payload: TestPayload;
  clientSecret: string;
  /** @default 'v3' */
  version?: 'v1' | 'v2' | 'v3';
  /** The URL HubSpot calls, exactly as registered. Required for v2 and v3. */
  url?: string;
  /** @default 'POST' */
  method?: string;
  /** The `X-HubSpot-Request-Timestamp` value (v3). @default the current time */
  timestampMs?: number;
}

/** Signs a body the way HubSpot does for the given signature version. */
export function signHubSpotWebhook(options: SignHubSpotWebhookOptions): SignedWebhook {
  const body = toBody(options.payload);
  const bytes = encoder.encode(body);
  const version = options.version ?? 'v3';
  const method = (options.method ?? 'POST').toUpperCase();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (version !== 'v1' && options.url === undefined) {
    throw new TypeError(`signHubSpotWebhook needs the url option for ${version} signatures.`);
  }

  if (version === 'v1') {
    headers['x-hubspot-signature'] = computeHubSpotV1Signature(options.clientSecret, bytes);
    headers['x-hubspot-signature-version'] = 'v1';
  } else if (version === 'v2') {
    headers['x-hubspot-signature'] = computeHubSpotV2Signature(
      options.clientSecret,
      method,
      options.url!,
      bytes,
    );
    headers['x-hubspot-signature-version'] = 'v2';
  } else {
    const timestamp = String(options.timestampMs ?? Date.now());
    const uri = decodeHubSpotV3Uri(options.url!);
    headers['x-hubspot-signature-v3'] = computeHubSpotV3Signature(
      options.clientSecret,
      method,
      uri,
      bytes,
      timestamp,
    );
    headers['x-hubspot-request-timestamp'] = timestamp;
  }
  return { body, headers };
}

export interface SignGitHubWebhookOptions {
  payload: TestPayload;
  secret: string;
  /** The `X-GitHub-Delivery` value. @default a random UUID */
  deliveryId?: string;
  /** The `X-GitHub-Event` value. @default 'ping' */
  event?: string;
}

/** Signs a body the way GitHub does (`X-Hub-Signature-256`). */
export function signGitHubWebhook(options: SignGitHubWebhookOptions): SignedWebhook {
  const body = toBody(options.payload);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': computeGitHubSignature(options.secret, encoder.encode(body)),
      'x-github-delivery': options.deliveryId ?? crypto.randomUUID(),
      'x-github-event': options.event ?? 'ping',
    },
  };
}
