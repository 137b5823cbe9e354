import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { SignatureMismatchError } from '../errors/signature-mismatch-error.js';
import { computeGitHubSignature } from '../signing/github-signature.js';
import { readHeader, requireHeader } from './headers.js';
import { toRawBytes } from './raw-body.js';
import { normalizeSecrets, type SecretInput, type SecretRules } from './secrets.js';
import { timingSafeEqualStrings } from './timing-safe-equal.js';
import type { WebhookVerifier } from './verifier-types.js';

export interface GitHubVerifierOptions {
  /** Webhook secrets, as entered in the webhook's settings. */
  secrets: readonly SecretInput[];
  /**
   * Header carrying `sha256=<hex>`. Other senders that copy GitHub's format use their own name.
   * @default 'X-Hub-Signature-256'
   */
  headerName?: string;
}

function checkGitHubSecret(secret: string): string | undefined {
  if (/^(ghp|gho|ghu|ghs|ghr)_|^github_pat_/.test(secret)) {
    return 'is a GitHub access token, which authenticates API calls, but webhook signatures use the secret entered in the webhook settings';
  }
  return undefined;
}

/** Validation rules for GitHub-style webhook secrets, shared by the verifier and the sender. */
export const githubSecretRules: Omit<SecretRules, 'option'> = {
  scheme: 'github',
  credential: 'webhook secret entered in the webhook settings',
  check: checkGitHubSecret,
};

/**
 * Creates a verifier for GitHub-style `X-Hub-Signature-256: sha256=<hex>` signatures. The scheme
 * has no timestamp, so it cannot reject replays. Deduplicate by `X-GitHub-Delivery` instead.
 */
export function createGitHubVerifier(options: GitHubVerifierOptions): WebhookVerifier {
  const secrets = normalizeSecrets(options.secrets, { ...githubSecretRules, option: 'secrets' });
  const headerName = options.headerName ?? 'X-Hub-Signature-256';

  return {
    scheme: 'github',
    verify(rawBody, headers) {
      const body = toRawBytes(rawBody, 'github');
      const received = requireHeader(headers, headerName, 'github');
      if (!/^sha256=[0-9a-fA-F]{64}$/.test(received)) {
        throw new MalformedHeaderError(headerName, 'must be sha256= followed by 64 hex digits.', {
          scheme: 'github',
        });
      }

      const normalized = `sha256=${received.slice('sha256='.length).toLowerCase()}`;
      const matched = secrets.find((secret) =>
        timingSafeEqualStrings(computeGitHubSignature(secret.key, body), normalized),
      );
      if (!matched) {
        throw new SignatureMismatchError({
          scheme: 'github',
          header: headerName,
          secretFingerprints: secrets.map((secret) => secret.fingerprint),
          signatureCount: 1,
        });
      }
      return {
        scheme: 'github',
        secretIndex: matched.index,
        secretLabel: matched.label,
        timestamp: undefined,
        webhookId: readHeader(headers, 'x-github-delivery', 'github', 'X-GitHub-Delivery'),
      };
    },
  };
}
