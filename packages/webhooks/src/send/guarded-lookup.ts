import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { BlockedAddressError } from '../errors/blocked-address-error.js';
import type { AddressPolicy } from './address-policy.js';

/** The `dns.lookup` shape the guard wraps, with `all: true`. */
export type LookupAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const defaultLookup: LookupAll = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * Wraps DNS resolution for the connection itself (undici `connect.lookup`), so the address that
 * is checked is the address that is dialed and a DNS rebinding between check and connect cannot
 * slip through. If any resolved address is not allowed, the lookup fails with
 * {@link BlockedAddressError} and no connection is opened.
 */
export function createGuardedLookup(
  policy: AddressPolicy,
  resolve: LookupAll = defaultLookup,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const blocked = addresses.find((entry) => !policy.allows(entry.address));
      if (blocked) {
        callback(
          new BlockedAddressError(hostname, blocked.address) as unknown as NodeJS.ErrnoException,
          '',
          0,
        );
        return;
      }
      if (options.all) {
        (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        return;
      }
      const [first] = addresses;
      if (!first) {
        callback(
          Object.assign(new Error(`DNS lookup of ${hostname} returned no addresses.`), { code: 'ENOTFOUND' }),
          '',
          0,
        );
        return;
      }
      callback(null, first.address, first.family);
    });
  };
}
