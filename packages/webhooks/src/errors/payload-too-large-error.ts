import { WebhookVerificationError } from './webhook-verification-error.js';

/** The request body is larger than the receiver's limit; the rest of it was not read. */
export class PayloadTooLargeError extends WebhookVerificationError {
  static override readonly kind: string = 'PayloadTooLargeError';
  override name = 'PayloadTooLargeError';
  declare readonly code: 'payload_too_large';
  readonly maxBodyBytes: number;
  /** Bytes announced by Content-Length, or read before the limit was crossed. */
  readonly receivedBytes: number;
  /** Whether the size came from Content-Length (nothing read) or from counting streamed bytes. */
  readonly detectedBy: 'content-length' | 'stream';

  constructor(details: {
    maxBodyBytes: number;
    receivedBytes: number;
    detectedBy: 'content-length' | 'stream';
  }) {
    const measured =
      details.detectedBy === 'content-length'
        ? `Content-Length is ${details.receivedBytes} bytes`
        : `more than ${details.maxBodyBytes} bytes arrived (${details.receivedBytes} read before stopping)`;
    super(
      `The webhook body exceeds the ${details.maxBodyBytes}-byte limit: ${measured}. ` +
        'Raise `maxBodyBytes` if this endpoint legitimately receives larger payloads.',
      { code: 'payload_too_large', category: 'validation' },
    );
    this.maxBodyBytes = details.maxBodyBytes;
    this.receivedBytes = details.receivedBytes;
    this.detectedBy = details.detectedBy;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      maxBodyBytes: this.maxBodyBytes,
      receivedBytes: this.receivedBytes,
      detectedBy: this.detectedBy,
    };
  }
}
