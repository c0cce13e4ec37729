import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAddressFrom, normaliseAddress, trustedProxyList } from './client-address';
import { appendPeer } from './peer-address';

const headers = (forwardedFor?: string) =>
  new Headers(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor });

describe('the client address', () => {
  const none = trustedProxyList([]);
  const proxies = trustedProxyList(['10.0.0.0/8', '::1']);

  it('is the connection peer when no proxy is trusted, whatever the client claims', () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 4 }), fc.ipV4(), (claimed, peer) => {
        const forwarded = appendPeer(claimed.join(', ') || undefined, peer);
        expect(clientAddressFrom(headers(forwarded), none)).toBe(peer);
      }),
    );
  });

  it('believes the hop before a trusted proxy, and only that one', () => {
    // The client claimed 1.1.1.1; the proxy 10.0.0.5 saw 203.0.113.9 connect.
    const forwarded = appendPeer('1.1.1.1, 203.0.113.9', '10.0.0.5');
    expect(clientAddressFrom(headers(forwarded), proxies)).toBe('203.0.113.9');
    expect(clientAddressFrom(headers(forwarded), none)).toBe('10.0.0.5');
  });

  it('skips a chain of trusted proxies', () => {
    expect(clientAddressFrom(headers('203.0.113.9, 10.1.1.1, ::1'), proxies)).toBe('203.0.113.9');
    // Every hop trusted: the leftmost is the best there is.
    expect(clientAddressFrom(headers('10.0.0.1, 10.0.0.2'), proxies)).toBe('10.0.0.1');
  });

  it('reads IPv4 on an IPv6 socket as IPv4', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddressFrom(headers(appendPeer(undefined, '::ffff:10.0.0.9')), proxies)).toBe(
      '10.0.0.9',
    );
  });

  it('is "unknown" with no address at all', () => {
    expect(clientAddressFrom(headers(), none)).toBe('unknown');
    expect(clientAddressFrom(headers(' , '), none)).toBe('unknown');
  });
});
