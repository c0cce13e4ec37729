import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../platforms/types';
import { blueskyAnswer, mastodonAnswer, resolvedDid } from './share-answer';
import { LIVE_BLUESKY_APPVIEW, publicReadHosts, shareRead } from './share-read';

describe('shareRead', () => {
  it('reads a Bluesky post link by handle or DID', () => {
    expect(
      shareRead('bluesky', 'https://bsky.app/profile/wigan.gov.uk/post/3l2s7zcpcmx2a'),
    ).toEqual({ platform: 'bluesky', actor: 'wigan.gov.uk', rkey: '3l2s7zcpcmx2a' });
    expect(
      shareRead(
        'bluesky',
        'https://bsky.app/profile/did:plc:lancspoliceexample0000/post/3l2s7zcpcmx2a/',
      ),
    ).toEqual({
      platform: 'bluesky',
      actor: 'did:plc:lancspoliceexample0000',
      rkey: '3l2s7zcpcmx2a',
    });
  });

  it('reads a Mastodon status link on any server', () => {
    expect(
      shareRead('mastodon', 'https://mastodon.social/@WiganCouncil/113456789012345678'),
    ).toEqual({ platform: 'mastodon', host: 'mastodon.social', id: '113456789012345678' });
    expect(shareRead('mastodon', 'https://social.example.org/@a@elsewhere.net/42')).toMatchObject({
      host: 'social.example.org',
      id: '42',
    });
  });

  it('reads nothing from other platforms, profiles, other forms or bad links', () => {
    for (const [platform, url] of [
      ['x', 'https://x.com/wigan/status/1'],
      ['bluesky', 'https://bsky.app/profile/wigan.gov.uk'],
      ['bluesky', 'https://bsky.app/profile/wigan.gov.uk/post/not%20a%20key'],
      ['bluesky', 'https://example.com/profile/wigan.gov.uk/post/3l2s7zcpcmx2a'],
      ['bluesky', 'http://bsky.app/profile/wigan.gov.uk/post/3l2s7zcpcmx2a'],
      ['mastodon', 'https://mastodon.social/@wigan'],
      ['mastodon', 'https://mastodon.social/@wigan/12/edit'],
      ['mastodon', 'https://mastodon.social:8443/@wigan/12'],
      ['mastodon', 'https://mastodon.social/wigan/12'],
      ['mastodon', 'not a link'],
      ['bluesky', 'https://bsky.app/profile/%ZZ/post/3l2s7zcpcmx2a'],
    ] as const)
      expect(shareRead(platform, url), url).toBeNull();
    expect(shareRead('mastodon', null)).toBeNull();
  });

  it('never throws, and what it reads is well formed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLATFORMS),
        fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (platform, url) => {
          const read = shareRead(platform, url);
          if (read === null) return;
          expect(read.platform).toBe(platform);
          if (read.platform === 'bluesky') expect(read.rkey).toMatch(/^[A-Za-z0-9._:~-]+$/);
          else expect(read.id).toMatch(/^\d+$/);
        },
      ),
    );
  });

  it('finds what it was built from', () => {
    fc.assert(
      fc.property(
        fc.domain(),
        fc.stringMatching(/^[a-z2-7]{13}$/),
        fc.stringMatching(/^[A-Za-z0-9_]{1,30}$/),
        fc.bigInt({ min: 1n, max: 10n ** 19n }),
        (host, rkey, user, id) => {
          const lower = host.toLowerCase();
          const bluesky = shareRead('bluesky', `https://bsky.app/profile/${lower}/post/${rkey}`);
          if (/\.[a-z]/.test(lower) && !/(^|\.)-|-(\.|$)/.test(lower))
            expect(bluesky).toEqual({ platform: 'bluesky', actor: lower, rkey });
          const mastodon = shareRead('mastodon', `https://${host}/@${user}/${id}`);
          if (/\.[a-z]{2,63}$/.test(lower))
            expect(mastodon).toEqual({ platform: 'mastodon', host: lower, id: String(id) });
        },
      ),
    );
  });
});

describe('publicReadHosts', () => {
  it('uses the real public hosts live and the sandbox otherwise', () => {
    const live = publicReadHosts('live', 'http://127.0.0.1:4010');
    expect(live.bluesky).toBe(LIVE_BLUESKY_APPVIEW);
    expect(live.mastodon('mastodon.social')).toBe('https://mastodon.social');
    const sandbox = publicReadHosts('sandbox', 'http://127.0.0.1:4010');
    expect(sandbox.bluesky).toBe('http://127.0.0.1:4016');
    expect(sandbox.mastodon('mastodon.social')).toBe('http://127.0.0.1:4017');
  });
});

describe('share answers', () => {
  const uri = 'at://did:plc:abc/app.bsky.feed.post/3l2s7zcpcmx2a';
  it('turns counts into figures', () => {
    expect(
      blueskyAnswer(
        200,
        { posts: [{ uri, likeCount: 4, replyCount: 1, repostCount: 2, quoteCount: 1 }] },
        uri,
      ),
    ).toEqual({
      kind: 'figures',
      figures: { views: null, reactions: 4, comments: 1, shares: 3, linkClicks: null },
    });
    expect(
      mastodonAnswer(200, {
        visibility: 'public',
        favourites_count: 5,
        replies_count: 0,
        reblogs_count: 2,
      }),
    ).toEqual({
      kind: 'figures',
      figures: { views: null, reactions: 5, comments: 0, shares: 2, linkClicks: null },
    });
  });

  it('marks gone and private posts unreadable, and a busy server for later', () => {
    expect(blueskyAnswer(200, { posts: [] }, uri).kind).toBe('unreadable');
    expect(mastodonAnswer(404, { error: 'Record not found' }).kind).toBe('unreadable');
    expect(mastodonAnswer(200, { visibility: 'private' }).kind).toBe('unreadable');
    expect(resolvedDid(400, { error: 'InvalidRequest' })).toMatchObject({ kind: 'unreadable' });
    expect(resolvedDid(200, { did: 'did:plc:abc' })).toEqual({ did: 'did:plc:abc' });
    expect(mastodonAnswer(503, null).kind).toBe('later');
    expect(blueskyAnswer(200, 'nonsense', uri).kind).toBe('later');
  });

  it('never throws on any answer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.jsonValue(), (status, body) => {
        expect(['figures', 'unreadable', 'later']).toContain(mastodonAnswer(status, body).kind);
        expect(['figures', 'unreadable', 'later']).toContain(blueskyAnswer(status, body, uri).kind);
        resolvedDid(status, body);
      }),
    );
  });
});
