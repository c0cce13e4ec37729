import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, Platform } from '../platforms/types';
import { POST_HOSTS, SHARE_URL_MAX_LENGTH, checkShareLink } from './share-link';

describe('checkShareLink', () => {
  it("takes an https link to a post on the platform's own host", () => {
    expect(checkShareLink('x', 'https://x.com/ManCityCouncil/status/1')).toEqual({
      ok: true,
      url: 'https://x.com/ManCityCouncil/status/1',
    });
    expect(checkShareLink('linkedin', 'https://www.linkedin.com/posts/abc').ok).toBe(true);
    expect(checkShareLink('mastodon', 'https://toot.wales/@council/1123').ok).toBe(true);
  });

  it('refuses http, another host, credentials, a bare site and anything too long', () => {
    expect(checkShareLink('x', 'http://x.com/a/status/1')).toEqual({
      ok: false,
      problem: 'must start with https://',
    });
    expect(checkShareLink('x', 'https://x.com.evil.example/a/status/1').ok).toBe(false);
    expect(checkShareLink('bluesky', 'https://x.com/a/status/1').ok).toBe(false);
    expect(checkShareLink('x', 'https://me:pw@x.com/a').ok).toBe(false);
    expect(checkShareLink('x', 'https://x.com:8443/a').ok).toBe(false);
    expect(checkShareLink('facebook', 'https://facebook.com/').ok).toBe(false);
    expect(checkShareLink('x', `https://x.com/${'a'.repeat(SHARE_URL_MAX_LENGTH)}`).ok).toBe(false);
    expect(checkShareLink('x', 'javascript:alert(1)').ok).toBe(false);
  });

  it('never throws, and whatever it accepts is https on an allowed host', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLATFORMS),
        fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (platform: Platform, value: string) => {
          const check = checkShareLink(platform, value);
          if (!check.ok) return;
          const url = new URL(check.url);
          expect(url.protocol).toBe('https:');
          expect(check.url.length).toBeLessThanOrEqual(SHARE_URL_MAX_LENGTH + 1);
          const hosts = POST_HOSTS[platform];
          if (hosts) expect(hosts).toContain(url.hostname.replace(/^www\./, ''));
        },
      ),
    );
  });
});
