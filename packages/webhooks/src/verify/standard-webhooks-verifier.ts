import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { SignatureMismatchError } from '../errors/signature-mismatch-error.js';
import { computeStandardWebhooksSignature } from '../signing/standard-webhooks-signature.js';
import { type HeadersInput, readHeader, requireHeader } from './headers.js';
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
}

/** Reads `webhook-*` headers, or Svix's `svix-*` names when no `webhook-*` header is present. */
function readStandardHeaders(headers: HeadersInput): StandardWebhooksHeaders {
  const scheme = 'standard-webhooks';
  const hasStandard = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].some(
    (name) => readHeader(headers, name, scheme) !== undefined,
  );
  const prefix = hasStandard || readHeader(headers, 'svix-id', scheme) === undefined ? 'webhook' : 'svix';

  const hint =
    'Standard Webhooks requests carry webhook-id, webhook-timestamp and webhook-signature (Svix uses svix-* names).';
  const read = (suffix: string) => requireHeader(headers, `${prefix}-${suffix}`, scheme, hint);
  return {
    id: read('id'),
    timestamp: read('timestamp'),
    signature: read('signature'),
    signatureHeader: `${prefix}-signature`,
  };
}

/** Returns the signatures of `v1,<base64>` tokens and ignores other versions. */
function v1Signatures(value: string, header: string): string[] {
  const tokens = value.split(/\s+/).filter((token) => token !== '');
  const signatures = tokens.filter((token) => token.startsWith('v1,')).map((token) => token.slice(3));
  if (signatures.length === 0) {
    throw new MalformedHeaderError(
      header,
      'has no v1,<base64> signature, and only v1 signatures are checked.',
      {
        scheme: 'standard-webhooks',
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
  }).map((secret) => ({ ...secret, key: parseStandardWebhooksSecret(secret.value).key as Uint8Array }));
  const toleranceMs = resolveToleranceMs(options.toleranceSeconds, 'standard-webhooks');

  return {
    scheme: 'standard-webhooks',
    verify(rawBody, headers, verifyOptions = {}) {
      const body = toRawBytes(rawBody, 'standard-webhooks');
      const read = readStandardHeaders(headers);
      const timestampHeader = read.signatureHeader.replace('-signature', '-timestamp');
      const timestampMs = parseTimestamp(read.timestamp, 'seconds', timestampHeader, 'standard-webhooks');
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
          header: timestampHeader,
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
