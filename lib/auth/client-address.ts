// The caller's address, for throttling sign-ins and rate-limiting the API. X-Forwarded-For is read
// from the right: each hop there was appended by the one after it, so only hops added by proxies
// we run (TRUSTED_PROXIES) can be believed; the first address that is not one of them is the
// client. The rightmost hop is always the connection's own peer (peer-address.ts adds it), so a
// client that sends its own X-Forwarded-For straight to the app names only itself.
import { BlockList, isIP } from 'node:net';
import { env } from '../env';

/** A list of addresses and CIDR ranges (`10.0.0.0/8`, `::1`), as TRUSTED_PROXIES holds them. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/** `::ffff:127.0.0.1` (IPv4 on an IPv6 socket) is 127.0.0.1. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export function clientAddressFrom(headers: Headers, trustedProxies: BlockList): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => normaliseAddress(hop.trim()))
    .filter((hop) => hop !== '');
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index] ?? '';
    if (index === 0 || !trusted(trustedProxies, hop)) return hop;
  }
  return 'unknown';
}

let configured: BlockList | undefined;

export function clientAddress(headers: Headers): string {
  configured ??= trustedProxyList(env().TRUSTED_PROXIES);
  return clientAddressFrom(headers, configured);
}
