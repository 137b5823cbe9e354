import { createSecretKey } from 'node:crypto';
import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { MissingHeaderError } from '../errors/missing-header-error.js';
import { SignatureMismatchError } from '../errors/signature-mismatch-error.js';
import { computeStandardWebhooksSignature } from '../signing/standard-webhooks-signature.js';
import { type HeadersInput, readHeader } from './headers.js';
import { parseStandardWebhooksSecret } from './parse-standard-webhooks-secret.js';
import { toRawBytes } from './raw-body.js';
import { normalizeSecrets, type SecretInput, type SecretRules } from './secrets.js';
import {
  checkTimestamp,
  parseTimestamp,
  resolveNowMs,
  resolveToleranceMs,
  type TimestampTolerance,
} from './timestamp-tolerance.js';
import { timingSafeEqualStrings } from './timing-safe-equal.js';
import type { WebhookVerifier } from './verifier-types.js';

export interface StandardWebhooksVerifierOptions {
  /** Signing secrets (`whsec_<base64>`, the prefix is optional), such as the old and new one during a rotation. */
  secrets: readonly SecretInput[];
  /**
   * Seconds `webhook-timestamp` may differ from now, in either direction.
   * Only `'disabled-i-understand-replay-risk'` turns the check off, and 0 or less is an error.
   * @default 300
   */
  toleranceSeconds?: TimestampTolerance;
}

interface StandardWebhooksHeaders {
  id: string;
  timestamp: string;
  signature: string;
  signatureHeader: string;
  timestampHeader: string;
}

const headerScheme = 'standard-webhooks';
const missingHeaderHint =
  'Standard Webhooks requests carry webhook-id, webhook-timestamp and webhook-signature (Svix uses svix-* names).';

/** Reads `webhook-*` headers, or Svix's `svix-*` names when no `webhook-*` header is present. */
function readStandardHeaders(headers: HeadersInput): StandardWebhooksHeaders {
  let prefix = 'webhook';
  let id = readHeader(headers, 'webhook-id', headerScheme);
  let timestamp = readHeader(headers, 'webhook-timestamp', headerScheme);
  let signature = readHeader(headers, 'webhook-signature', headerScheme);
  if (id === undefined && timestamp === undefined && signature === undefined) {
    const svixId = readHeader(headers, 'svix-id', headerScheme);
    if (svixId !== undefined) {
      prefix = 'svix';
      id = svixId;
      timestamp = readHeader(headers, 'svix-timestamp', headerScheme);
      signature = readHeader(headers, 'svix-signature', headerScheme);
    }
  }
  const required = (value: string | undefined, suffix: string): string => {
    if (value !== undefined) return value;
    throw new MissingHeaderError(`${prefix}-${suffix}`, { scheme: headerScheme, hint: missingHeaderHint });
  };
  return {
    id: required(id, 'id'),
    timestamp: required(timestamp, 'timestamp'),
    signature: required(signature, 'signature'),
    signatureHeader: `${prefix}-signature`,
    timestampHeader: `${prefix}-timestamp`,
  };
}

/** Returns the signatures of `v1,<base64>` tokens and ignores other versions. */
function v1Signatures(value: string, header: string): string[] {
  // Most senders send one signature, so skip splitting when there is no separator.
  const tokens = /\s/.test(value) ? value.split(/\s+/) : [value];
  const signatures: string[] = [];
  for (const token of tokens) if (token.startsWith('v1,')) signatures.push(token.slice(3));
  if (signatures.length === 0) {
    throw new MalformedHeaderError(
      header,
      'has no v1,<base64> signature, and only v1 signatures are checked.',
      {
        scheme: headerScheme,
      },
    );
  }
  return signatures;
}

/** Validation rules for Standard Webhooks secrets, shared by the verifier and the sender. */
export const standardWebhooksSecretRules: Omit<SecretRules, 'option'> = {
  scheme: 'standard-webhooks',
  credential: 'Standard Webhooks signing secret (whsec_ followed by base64, as the sender shows it)',
  check: (secret) => parseStandardWebhooksSecret(secret).problem,
};

/** Creates a verifier for Standard Webhooks (and Svix) signatures. */
export function createStandardWebhooksVerifier(options: StandardWebhooksVerifierOptions): WebhookVerifier {
  const secrets = normalizeSecrets(options.secrets, {
    ...standardWebhooksSecretRules,
    option: 'secrets',
  }).map((secret) => ({
    ...secret,
    key: createSecretKey(parseStandardWebhooksSecret(secret.value).key as Uint8Array),
  }));
  const toleranceMs = resolveToleranceMs(options.toleranceSeconds, 'standard-webhooks');

  return {
    scheme: 'standard-webhooks',
    verify(rawBody, headers, verifyOptions = {}) {
      const body = toRawBytes(rawBody, 'standard-webhooks');
      const read = readStandardHeaders(headers);
      const timestampMs = parseTimestamp(read.timestamp, 'seconds', read.timestampHeader, headerScheme);
      const signatures = v1Signatures(read.signature, read.signatureHeader);

      const matched = secrets.find((secret) => {
        const expected = computeStandardWebhooksSignature(secret.key, read.id, read.timestamp, body);
        return signatures.some((signature) => timingSafeEqualStrings(expected, signature));
      });
      if (!matched) {
        throw new SignatureMismatchError({
          scheme: 'standard-webhooks',
          header: read.signatureHeader,
          secretFingerprints: secrets.map((secret) => secret.fingerprint),
          signatureCount: signatures.length,
        });
      }

      if (toleranceMs !== undefined) {
        checkTimestamp({
          scheme: 'standard-webhooks',
          header: read.timestampHeader,
          timestampMs,
          nowMs: resolveNowMs(verifyOptions.now),
          toleranceMs,
        });
      }

      return {
        scheme: 'standard-webhooks',
        secretIndex: matched.index,
        secretLabel: matched.label,
        timestamp: new Date(timestampMs),
        webhookId: read.id,
      };
    },
  };
}
