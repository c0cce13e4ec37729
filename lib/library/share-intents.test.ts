import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../platforms/types';
import { parseInstance, shareIntent } from './share-intents';

const TEXT =
  'Worried? Call 0808 1000 900 https://get-help.stopitnow.org.uk/?utm_source=x&utm_content=manchester-city-council';

describe('shareIntent', () => {
  it('fills the post on X, LinkedIn and Bluesky with the text exactly, helpline link untouched', () => {
    for (const [platform, base] of [
      ['x', 'https://x.com/intent/post?'],
      ['linkedin', 'https://www.linkedin.com/feed/?shareActive=true&'],
      ['bluesky', 'https://bsky.app/intent/compose?'],
    ] as const) {
      const intent = shareIntent(platform, TEXT);
      expect(intent.kind).toBe('prefilled');
      if (intent.kind !== 'prefilled') continue;
      expect(intent.url.startsWith(base)).toBe(true);
      expect(new URL(intent.url).searchParams.get('text')).toBe(TEXT);
    }
  });

  it("asks for the Mastodon server, then uses that server's share page", () => {
    expect(shareIntent('mastodon', TEXT)).toEqual({ kind: 'needs_instance' });
    const intent = shareIntent('mastodon', TEXT, 'https://Toot.Wales/');
    expect(intent.kind).toBe('prefilled');
    if (intent.kind === 'prefilled') {
      expect(intent.url.startsWith('https://toot.wales/share?')).toBe(true);
      expect(new URL(intent.url).searchParams.get('text')).toBe(TEXT);
    }
  });

  it('has Facebook and Instagram copied, then opened', () => {
    expect(shareIntent('facebook', TEXT).kind).toBe('copy_then_open');
    expect(shareIntent('instagram', TEXT).kind).toBe('copy_then_open');
  });

  it('never links anywhere but https, for any text and any typed server', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLATFORMS),
        fc.string(),
        fc.string(),
        (platform, text, server) => {
          const intent = shareIntent(platform, text, server);
          if (intent.kind === 'needs_instance') return;
          const url = new URL(intent.url);
          expect(url.protocol).toBe('https:');
          expect(url.username + url.password).toBe('');
        },
      ),
    );
  });

  it('reads a server name and refuses anything else', () => {
    expect(parseInstance('mastodon.social')).toBe('mastodon.social');
    expect(parseInstance('https://mastodon.social/')).toBe('mastodon.social');
    expect(parseInstance('evil.example/phish?')).toBeNull();
    expect(parseInstance('user@mastodon.social')).toBeNull();
    expect(parseInstance('')).toBeNull();
  });
});
