import { type WebhookScheme, WebhookVerificationError } from './webhook-verification-error.js';

export interface SignatureMismatchDetails {
  scheme: WebhookScheme;
  /** Header that carried the signatures, such as `Stripe-Signature`. */
  header: string;
  /** First 8 hex digits of the SHA-256 of each configured secret, in configuration order. */
  secretFingerprints: readonly string[];
  /** How many signatures of the accepted version the header contained. */
  signatureCount: number;
  /** The request URI the signature was computed over, for schemes that sign the URL. */
  signedUri?: string | undefined;
  /** Sentence appended to the message with what else to check. */
  hint?: string | undefined;
}

/**
 * No signature in the request matches any configured secret. The error carries secret
 * fingerprints, never secrets, and never the signatures themselves.
 */
export class SignatureMismatchError extends WebhookVerificationError {
  static override readonly kind: string = 'SignatureMismatchError';
  override name = 'SignatureMismatchError';
  declare readonly code: 'signature_mismatch';
  readonly header: string;
  readonly secretFingerprints: readonly string[];
  readonly signatureCount: number;
  readonly signedUri: string | undefined;

  constructor(details: SignatureMismatchDetails) {
    const fingerprints = details.secretFingerprints.map((fingerprint) => `sha256:${fingerprint}`).join(', ');
    const uri =
      details.signedUri === undefined
        ? ''
        : ` The signature was checked against the URI ${details.signedUri}.`;
    const hint = details.hint ? ` ${details.hint}` : '';
    super(
      `No signature in the ${details.header} header (${details.signatureCount} checked) matches the request ` +
        `for any configured secret (fingerprints ${fingerprints}).${uri}${hint} ` +
        'The usual causes are a body that was parsed and re-serialized before verification (pass the raw bytes), ' +
        'a proxy or middleware that changed the body, or a secret from another endpoint or mode.',
      { code: 'signature_mismatch', category: 'authentication', scheme: details.scheme },
    );
    this.header = details.header;
    this.secretFingerprints = details.secretFingerprints;
    this.signatureCount = details.signatureCount;
    this.signedUri = details.signedUri;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      header: this.header,
      secretFingerprints: this.secretFingerprints,
      signatureCount: this.signatureCount,
      signedUri: this.signedUri,
    };
  }
}
