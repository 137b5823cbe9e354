import { type WebhookScheme, WebhookVerificationError } from './webhook-verification-error.js';

const howToGetRawBody = [
  'Signatures cover the exact bytes that were sent, so verify the raw body before parsing it.',
  "Express: mount `express.raw({ type: 'application/json' })` on the webhook route instead of `express.json()`.",
  'Next.js App Router: pass `await request.text()`.',
  'Hono: pass `await c.req.text()` or `new Uint8Array(await c.req.arrayBuffer())`.',
  'Node http: read the request stream into a Buffer without decoding chunks.',
].join(' ');

/**
 * The body given for verification is not raw bytes or a string. A parsed JSON object cannot be
 * verified, because re-serializing it changes whitespace, key order and number formatting.
 */
export class RawBodyRequiredError extends WebhookVerificationError {
  static override readonly kind: string = 'RawBodyRequiredError';
  override name = 'RawBodyRequiredError';
  declare readonly code: 'raw_body_required';
  /** `typeof` of the value that was given, or `'parsed object'` when a body parser ran first. */
  readonly receivedType: string;

  constructor(receivedType: string, options: { scheme?: WebhookScheme | undefined; detail?: string } = {}) {
    const detail = options.detail ? `${options.detail} ` : '';
    super(
      `A raw request body is required for webhook signature verification, but got ${receivedType}. ${detail}${howToGetRawBody}`,
      { code: 'raw_body_required', category: 'validation', scheme: options.scheme },
    );
    this.receivedType = receivedType;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), receivedType: this.receivedType };
  }
}
