// Which addresses a webhook may reach in production: none of loopback, private, link-local,
// unique-local, CGNAT, multicast or unspecified (IPv4, IPv6, and IPv4 inside IPv6), so a
// registered URL cannot make Signpost's servers call into their own network (SSRF). Node's
// BlockList holds the ranges and matches IPv4-mapped IPv6 against the IPv4 ones. Pure.
import { BlockList, isIP } from 'node:net';

export const REFUSED_KINDS = [
  'unspecified',
  'loopback',
  'private',
  'link-local',
  'unique-local',
  'cgnat',
  'multicast',
  'reserved',
] as const;
export type RefusedKind = (typeof REFUSED_KINDS)[number];

const RANGES: Record<RefusedKind, [string, number, 'ipv4' | 'ipv6'][]> = {
  unspecified: [
    ['0.0.0.0', 8, 'ipv4'],
    ['::', 128, 'ipv6'],
  ],
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
  ],
  'link-local': [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
  'unique-local': [['fc00::', 7, 'ipv6']],
  cgnat: [['100.64.0.0', 10, 'ipv4']],
  multicast: [
    ['224.0.0.0', 4, 'ipv4'],
    ['ff00::', 8, 'ipv6'],
  ],
  // Not the brief's list but never a partner's server either: 240/4 and broadcast, the IETF
  // protocol block, and the IPv6 ranges that embed an IPv4 address the checks above would miss
  // (NAT64, 6to4, the deprecated IPv4-compatible form).
  reserved: [
    ['240.0.0.0', 4, 'ipv4'],
    ['192.0.0.0', 24, 'ipv4'],
    ['64:ff9b::', 96, 'ipv6'],
    ['64:ff9b:1::', 48, 'ipv6'],
    ['2002::', 16, 'ipv6'],
    ['::', 96, 'ipv6'],
  ],
};

const LISTS = Object.entries(RANGES).map(([kind, ranges]) => {
  const list = new BlockList();
  for (const [network, prefix, family] of ranges) list.addSubnet(network, prefix, family);
  return { kind: kind as RefusedKind, list };
});

/** Why an IP address may not be reached in production, or null when it may. */
export function refusedAddressKind(address: string): RefusedKind | null {
  const unbracketed = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(unbracketed);
  if (family === 0) return null;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return LISTS.find(({ list }) => list.check(unbracketed, type))?.kind ?? null;
}

/** Words for a refusal: "127.0.0.1 is a loopback address". */
export function refusalReason(address: string, kind: RefusedKind): string {
  return `${address} is a${/^[aeiou]/.test(kind) ? 'n' : ''} ${kind} address, which webhooks may not reach`;
}
