import { describe, expect, it } from 'vitest';
import {
  isHostAllowed,
  isPublicAddress,
} from '../../src/shared/fetch/address-policy.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
  ])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('isHostAllowed', () => {
  it.each([
    [['*'], 'anything', 1, true],
    [['127.0.0.1'], '127.0.0.1', 8080, true],
    [['127.0.0.1:8080'], '127.0.0.1', 8080, true],
    [['127.0.0.1:8080'], '127.0.0.1', 8081, false],
    [['localhost'], 'LOCALHOST', 80, true],
    [['[::1]:3000'], '[::1]', 3000, true],
    [[], '127.0.0.1', 80, false],
  ] as const)('%j allows %s:%d → %s', (list, host, port, expected) => {
    expect(isHostAllowed(list, host, port)).toBe(expected);
  });
});
