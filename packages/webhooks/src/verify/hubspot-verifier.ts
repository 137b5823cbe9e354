import { SignatureMismatchError } from '../errors/signature-mismatch-error.js';
import {
  computeHubSpotV1Signature,
  computeHubSpotV2Signature,
  computeHubSpotV3Signature,
  decodeHubSpotV3Uri,
} from '../signing/hubspot-signature.js';
import { requireHeader } from './headers.js';
import { type HubSpotUrlOptions, normalizePublicUrl, reconstructHubSpotUri } from './hubspot-request-uri.js';
import { toRawBytes } from './raw-body.js';
import { type ConfiguredSecret, normalizeSecrets, type SecretInput } from './secrets.js';
import {
  type HubSpotSignatureVersion,
  selectHubSpotVersion,
  validateHubSpotVersion,
} from './select-hubspot-version.js';
import {
  checkTimestamp,
  parseTimestamp,
  resolveNowMs,
  resolveToleranceMs,
  type TimestampTolerance,
} from './timestamp-tolerance.js';
import { timingSafeEqualStrings } from './timing-safe-equal.js';
import type { VerifyOptions, VerifyResult, WebhookVerifier } from './verifier-types.js';

export interface HubSpotVerifierOptions extends HubSpotUrlOptions {
  /** The app's client secret, or several during a rotation. Not a private-app access token (`pat-...`). */
  clientSecret: SecretInput | readonly SecretInput[];
  /**
   * Signature version to check. `'auto'` checks v3 when `X-HubSpot-Signature-v3` is present and
   * otherwise the version named by `X-HubSpot-Signature-Version`. v1 and v2 carry no timestamp,
   * so a captured request can be replayed. Prefer v3.
   * @default 'v3'
   */
  version?: HubSpotSignatureVersion | 'auto';
  /**
   * Seconds `X-HubSpot-Request-Timestamp` (milliseconds) may differ from now, in either direction.
   * Only `'disabled-i-understand-replay-risk'` turns the check off, and 0 or less is an error.
   * @default 300
   */
  toleranceSeconds?: TimestampTolerance;
}

function checkHubSpotSecret(secret: string): string | undefined {
  if (secret.startsWith('pat-')) {
    return 'is a private-app access token (pat-...), which authenticates API calls, but request signatures use the client secret';
  }
  return undefined;
}

const uriHint =
  'HubSpot signs the public URL it called. Behind a proxy or load balancer, set publicUrl, or trustProxyHeaders when the proxy sets X-Forwarded-Proto and X-Forwarded-Host.';

/** Creates a verifier for HubSpot request signatures (v1, v2 and v3). */
export function createHubSpotVerifier(options: HubSpotVerifierOptions): WebhookVerifier {
  const secrets = normalizeSecrets(options.clientSecret, {
    scheme: 'hubspot',
    option: 'clientSecret',
    credential:
      "HubSpot app's client secret, shown on the app's Auth page next to the client ID (for private apps, on the Auth tab next to the access token)",
    check: checkHubSpotSecret,
  });
  const configured = validateHubSpotVersion(options.version ?? 'v3');
  const toleranceMs = resolveToleranceMs(options.toleranceSeconds, 'hubspot');
  const urlOptions = {
    publicUrl: normalizePublicUrl(options.publicUrl),
    trustProxyHeaders: options.trustProxyHeaders ?? false,
  };

  function match(
    header: string,
    received: string,
    compute: (secret: ConfiguredSecret) => string,
    uri?: string,
  ) {
    const matched = secrets.find((secret) => timingSafeEqualStrings(compute(secret), received));
    if (matched) return { secretIndex: matched.index, secretLabel: matched.label };
    throw new SignatureMismatchError({
      scheme: 'hubspot',
      header,
      secretFingerprints: secrets.map((secret) => secret.fingerprint),
      signatureCount: 1,
      signedUri: uri,
      hint: uri === undefined ? undefined : uriHint,
    });
  }

  function verifyV1OrV2(version: 'v1' | 'v2', body: Uint8Array, request: VerifyRequest): VerifyResult {
    const received = requireHeader(request.headers, 'X-HubSpot-Signature', 'hubspot').toLowerCase();
    const uri =
      version === 'v2' ? reconstructHubSpotUri(request.options.url, request.headers, urlOptions) : undefined;
    const matched = match(
      'X-HubSpot-Signature',
      received,
      (secret) =>
        uri === undefined
          ? computeHubSpotV1Signature(secret.value, body)
          : computeHubSpotV2Signature(secret.value, request.method, uri, body),
      uri,
    );
    const result: VerifyResult = {
      scheme: 'hubspot',
      secretIndex: matched.secretIndex,
      secretLabel: matched.secretLabel,
      timestamp: undefined,
      webhookId: undefined,
      hubspotVersion: version,
    };
    if (uri !== undefined) result.signedUri = uri;
    return result;
  }

  function verifyV3(body: Uint8Array, request: VerifyRequest): VerifyResult {
    const received = requireHeader(request.headers, 'X-HubSpot-Signature-v3', 'hubspot');
    const timestamp = requireHeader(request.headers, 'X-HubSpot-Request-Timestamp', 'hubspot');
    const timestampMs = parseTimestamp(timestamp, 'milliseconds', 'X-HubSpot-Request-Timestamp', 'hubspot');
    const uri = decodeHubSpotV3Uri(reconstructHubSpotUri(request.options.url, request.headers, urlOptions));

    const matched = match(
      'X-HubSpot-Signature-v3',
      received,
      (secret) => computeHubSpotV3Signature(secret.key, request.method, uri, body, timestamp),
      uri,
    );
    if (toleranceMs !== undefined) {
      const nowMs = resolveNowMs(request.options.now);
      checkTimestamp({
        scheme: 'hubspot',
        header: 'X-HubSpot-Request-Timestamp',
        timestampMs,
        nowMs,
        toleranceMs,
      });
    }
    // One literal rather than spreads: spreading the match into the result cost about 2 µs a call.
    return {
      scheme: 'hubspot',
      secretIndex: matched.secretIndex,
      secretLabel: matched.secretLabel,
      timestamp: new Date(timestampMs),
      webhookId: undefined,
      hubspotVersion: 'v3',
      signedUri: uri,
    };
  }

  return {
    scheme: 'hubspot',
    verify(rawBody, headers, verifyOptions = {}) {
      const body = toRawBytes(rawBody, 'hubspot');
      const version = selectHubSpotVersion(configured, headers);
      const request = {
        headers,
        options: verifyOptions,
        method: (verifyOptions.method ?? 'POST').toUpperCase(),
      };
      return version === 'v3' ? verifyV3(body, request) : verifyV1OrV2(version, body, request);
    },
  };
}

interface VerifyRequest {
  headers: Parameters<WebhookVerifier['verify']>[1];
  options: VerifyOptions;
  method: string;
}
