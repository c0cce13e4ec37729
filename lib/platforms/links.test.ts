import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { findLinks, findUrls } from './links';

const encoder = new TextEncoder();

describe('findLinks', () => {
  it('gives string indexes and UTF-8 byte offsets of each link', () => {
    const text = '👍 Call or visit https://get-help.stopitnow.org.uk/?utm_source=bluesky now';
    const [link] = findLinks(text);
    expect(link).toEqual({
      url: 'https://get-help.stopitnow.org.uk/?utm_source=bluesky',
      start: 17,
      end: 70,
      byteStart: 19,
      byteEnd: 72,
    });
  });

  it('adds https:// to a link typed without it, as the platforms do', () => {
    expect(findLinks('See get-help.stopitnow.org.uk.')).toEqual([
      { url: 'https://get-help.stopitnow.org.uk', start: 4, end: 29, byteStart: 4, byteEnd: 29 },
    ]);
  });

  it('leaves trailing punctuation and brackets out of the link', () => {
    expect(findUrls('(https://e.co/a_b), https://e.co/x.').map(({ url }) => url)).toEqual([
      'https://e.co/a_b',
      'https://e.co/x',
    ]);
  });

  it('finds several links in order', () => {
    const links = findLinks('日本 https://a.org/1 and https://b.org/2');
    expect(links.map(({ url }) => url)).toEqual(['https://a.org/1', 'https://b.org/2']);
    expect(links[1]?.byteStart).toBe(encoder.encode('日本 https://a.org/1 and ').length);
  });

  it('keeps links placed over other characters, and drops a found URL that overlaps one', () => {
    const text = '👍 e.org/a then get-help.stopitnow.org.uk/more';
    const start = text.indexOf('get-help');
    const placed = {
      url: 'https://get-help.stopitnow.org.uk/?utm_source=bluesky',
      start,
      end: start + 25,
    };
    const links = findLinks(text, [placed]);
    expect(links).toEqual([
      { url: 'https://e.org/a', start: 3, end: 10, byteStart: 5, byteEnd: 12 },
      { ...placed, byteStart: start + 2, byteEnd: start + 2 + 25 },
    ]);
  });

  it('finds no links in text without any', () => {
    expect(findLinks('Call 0808 1000 900. No link here: just words… and an email@example')).toEqual(
      [],
    );
  });

  it('gives byte offsets that slice out exactly the link, whatever precedes it', () => {
    const prefix = fc.string({ unit: 'grapheme', maxLength: 60 });
    fc.assert(
      fc.property(prefix, (before) => {
        const text = `${before} https://e.org/p?q=1 ✓`;
        const links = findLinks(text);
        return links.every((link) => {
          const bytes = encoder.encode(text).slice(link.byteStart, link.byteEnd);
          return new TextDecoder().decode(bytes) === text.slice(link.start, link.end);
        });
      }),
    );
  });

  it('finds exactly the URLs twitter-text finds in the whole text, for any text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(
        ' ',
        '\n',
        '.',
        '(',
        ')',
        '"',
        '@',
        '#',
        '$',
        '日本',
        '👍',
        'https://e.org/a_b?c=(d)',
        'http://x.co',
        'get-help.stopitnow.org.uk/',
        'www.test.com.',
        'e.co/x',
        'a@b.com',
        'https://',
        '://e.org',
        'ftp://e.org',
        '.uk',
      ),
    );
    const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (sample, requireScheme) => {
        const expected = twitter
          .extractUrlsWithIndices(sample, { extractUrlsWithoutProtocol: !requireScheme })
          .map(({ url, indices: [start, end] }) => ({ url, start, end }));
        expect(findUrls(sample, { requireScheme })).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});
