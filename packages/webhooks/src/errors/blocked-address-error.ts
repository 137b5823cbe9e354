import { PatchbayError } from '@patchbay/core';

/**
 * An endpoint resolves to, or is, an address outside the public internet (loopback, private,
 * link-local, unspecified, multicast or reserved), and the sender's `allowPrivateNetworks` does not
 * allow it. Raised by `send()` for a literal IP and recorded as a `blocked` attempt when DNS returns
 * such an address at connection time. Nothing is sent to a blocked address.
 */
export class BlockedAddressError extends PatchbayError {
  static override readonly kind: string = 'BlockedAddressError';
  override name = 'BlockedAddressError';
  declare readonly code: 'blocked_address';
  readonly hostname: string;
  readonly address: string;

  constructor(hostname: string, address: string) {
    const resolved = hostname === address ? `${address}` : `${hostname} (resolved to ${address})`;
    super(
      `Rejected the webhook endpoint ${resolved}: the address is not on the public internet. ` +
        'To deliver to internal endpoints, set allowPrivateNetworks: true or list the addresses, ' +
        "such as allowPrivateNetworks: ['10.0.0.0/8'].",
      { category: 'configuration', code: 'blocked_address', retryable: false },
    );
    this.hostname = hostname;
    this.address = address;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), hostname: this.hostname, address: this.address };
  }
}
