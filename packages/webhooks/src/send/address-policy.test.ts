import { describe, expect, it } from 'vitest';
import { createAddressPolicy, isPublicAddress } from './address-policy.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '[::1]',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '64:ff9b::10.0.0.1',
    '2002:c0a8:0101::1',
    '2001:db8::1',
    'not-an-ip',
  ])('treats %s as not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '192.169.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('treats %s as public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('createAddressPolicy', () => {
  it('allows only public addresses by default', () => {
    const policy = createAddressPolicy(undefined);
    expect(policy.allows('8.8.8.8')).toBe(true);
    expect(policy.allows('127.0.0.1')).toBe(false);
  });

  it('allows listed addresses and ranges', () => {
    const policy = createAddressPolicy(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(policy.allows('127.0.0.1')).toBe(true);
    expect(policy.allows('127.0.0.2')).toBe(false);
    expect(policy.allows('10.20.30.40')).toBe(true);
    expect(policy.allows('192.168.0.1')).toBe(false);
    expect(policy.allows('::1')).toBe(true);
  });

  it('allows everything with true', () => {
    expect(createAddressPolicy(true).allows('169.254.169.254')).toBe(true);
  });

  it.each(['localhost', '10.0.0.0/33', '10.0.0.0/x'])('rejects the entry %s', (entry) => {
    expect(() => createAddressPolicy([entry])).toThrow(
      'allowPrivateNetworks entries must be IP addresses or CIDR ranges',
    );
  });
});
