import { BlockList, isIP } from 'node:net';
import { ConfigurationError } from '@patchbay/core';

// Special-purpose ranges from the IANA IPv4 and IPv6 Special-Purpose Address Registries
// (RFC 6890 and its updates) that are not reachable on the public internet.
const nonPublicIpv4: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network", including the unspecified address
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including cloud metadata endpoints
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private (RFC 1918)
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, including broadcast
];

const nonPublicIpv6: readonly [string, number][] = [
  ['::', 96], // unspecified, loopback and deprecated IPv4-compatible addresses
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments, including Teredo
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
];

const nonPublic = new BlockList();
for (const [network, prefix] of nonPublicIpv4) nonPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of nonPublicIpv6) nonPublic.addSubnet(network, prefix, 'ipv6');

/** Returns the IPv4 address embedded in a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const nat64 = /^64:ff9b::(?:([0-9a-f]{1,4}):([0-9a-f]{1,4})|(\d+\.\d+\.\d+\.\d+))$/.exec(lower);
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::|$)/.exec(lower);
  if (nat64?.[3]) return nat64[3];
  const groups = nat64 ? [nat64[1], nat64[2]] : sixToFour ? [sixToFour[1], sixToFour[2]] : undefined;
  if (!groups) return undefined;
  const [high, low] = groups.map((group) => Number.parseInt(group ?? '0', 16)) as [number, number];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Strips the brackets of an IPv6 URL host and an IPv6 zone id. */
export function unbracket(host: string): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return bare.replace(/%.*$/, '');
}

/**
 * Returns whether `address` (an IP literal) is on the public internet. IPv4-mapped, NAT64 and
 * 6to4 IPv6 addresses are judged by the IPv4 address they embed.
 */
export function isPublicAddress(address: string): boolean {
  const bare = unbracket(address);
  const family = isIP(bare);
  if (family === 0) return false;
  if (nonPublic.check(bare, family === 4 ? 'ipv4' : 'ipv6')) return false;
  const embedded = family === 6 ? embeddedIpv4(bare) : undefined;
  return embedded === undefined || !nonPublic.check(embedded, 'ipv4');
}

/** Non-public addresses the sender may connect to: `true` for all, or IPs and CIDR ranges. */
export type PrivateNetworkAllowance = boolean | readonly string[];

/** Decides whether the sender may connect to an address. */
export interface AddressPolicy {
  allows(address: string): boolean;
}

/** Builds the policy from `allowPrivateNetworks`; an entry that is not an IP or CIDR range raises {@link ConfigurationError}. */
export function createAddressPolicy(allowance: PrivateNetworkAllowance | undefined): AddressPolicy {
  if (allowance === true) return { allows: () => true };
  const allowed = new BlockList();
  for (const entry of allowance === false || allowance === undefined ? [] : allowance) {
    const [network = '', prefixText] = entry.split('/');
    const family = isIP(unbracket(network));
    const prefix = prefixText === undefined ? undefined : Number(prefixText);
    const maxPrefix = family === 4 ? 32 : 128;
    if (
      family === 0 ||
      (prefix !== undefined && (!Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix))
    ) {
      throw new ConfigurationError(
        `allowPrivateNetworks entries must be IP addresses or CIDR ranges such as '127.0.0.1' or '10.0.0.0/8', got ${JSON.stringify(entry)}.`,
        { option: 'allowPrivateNetworks' },
      );
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) allowed.addAddress(unbracket(network), type);
    else allowed.addSubnet(unbracket(network), prefix, type);
  }
  return {
    allows(address) {
      const bare = unbracket(address);
      const family = isIP(bare);
      if (family === 0) return false;
      return isPublicAddress(bare) || allowed.check(bare, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
