import { BlockList, isIP } from 'node:net';

/**
 * Address ranges that untrusted URLs (feeds, article links and their
 * redirects) may not reach: loopback, private, link-local (the cloud metadata
 * address 169.254.169.254 among them), CGNAT, multicast, reserved, and their
 * IPv6 counterparts, IPv4-mapped addresses included.
 */
const NON_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(net, bits, 'ipv6');
}

/** Whether an IP address is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isPublicAddress(mapped[1]!);
    // ::ffff:7f00:1 is 127.0.0.1 written in hex groups.
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
    if (hexMapped) {
      const hi = parseInt(hexMapped[1]!, 16);
      const lo = parseInt(hexMapped[2]!, 16);
      return isPublicAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    return !NON_PUBLIC.check(address, 'ipv6');
  }
  return !NON_PUBLIC.check(address, 'ipv4');
}

/**
 * Whether TROOPWATCH_ALLOW_PRIVATE_HOSTS lets a request to host:port through
 * to a non-public address. Entries are `host`, `host:port` or `*`.
 */
export function isHostAllowed(
  allowList: readonly string[],
  hostname: string,
  port: number,
): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return allowList.some((entry) => {
    if (entry === '*') return true;
    const bracketed = /^\[(.+)\](?::(\d+))?$/.exec(entry);
    const [h, p] = bracketed
      ? [bracketed[1]!, bracketed[2]]
      : entry.split(':').length === 2
        ? entry.split(':')
        : [entry, undefined];
    return h === host && (p === undefined || Number(p) === port);
  });
}
