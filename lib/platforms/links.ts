// The URLs in a text, found the way X finds them (twitter-text's extractor, the most widely used
// definition of "this is a link" in plain text), with the UTF-8 byte offsets Bluesky facets need.
import twitter from 'twitter-text';
import { utf8Length } from './text-units';
import type { RenderedLink } from './types';

export interface UrlInText {
  /** The URL as written in the text (possibly without a scheme: "get-help.stopitnow.org.uk"). */
  url: string;
  /** String (UTF-16) indexes. */
  start: number;
  end: number;
}

// Verification looks at the very text rendering has just scanned; one remembered answer saves
// scanning it twice on every keystroke.
let last: { text: string; requireScheme: boolean; urls: UrlInText[] } | null = null;

// A URL never contains white space, and every URL twitter-text finds has a dot in its domain. Its
// extractor is one large regular expression that costs milliseconds over long non-Latin text, so
// it only reads the words that could be URLs (the same matches: a word starts after white space,
// which the extractor treats like the start of the text).
const WORD = /\S+/g;

/**
 * Every URL in the text, in order, including ones typed without "https://" unless
 * `requireScheme` (Mastodon only links URLs with one).
 */
export function findUrls(text: string, { requireScheme = false } = {}): UrlInText[] {
  if (last?.text === text && last.requireScheme === requireScheme) return last.urls;
  const urls: UrlInText[] = [];
  const marker = requireScheme ? '://' : '.';
  if (text.includes(marker)) {
    for (const { 0: word, index } of text.matchAll(WORD)) {
      if (!word.includes(marker)) continue;
      // The extractor reads a word differently at the start of a text and after white space
      // (" üe.co" links "üe.co", "üe.co" alone only "e.co"): give it the white space before.
      const before = index > 0 ? text.charAt(index - 1) : '';
      const found = twitter.extractUrlsWithIndices(before + word, {
        extractUrlsWithoutProtocol: !requireScheme,
      });
      for (const { url, indices } of found) {
        if (indices[0] < before.length) continue;
        urls.push({
          url,
          start: index - before.length + indices[0],
          end: index - before.length + indices[1],
        });
      }
    }
  }
  last = { text, requireScheme, urls };
  return urls;
}

/**
 * The links in a text as a platform needs them: the full URL (https:// added where the text has
 * none, as the platforms do when they link it), string indexes and UTF-8 byte offsets.
 *
 * `placed` are links rendering put over characters that are not their URL (the signpost's short
 * link text on Bluesky, leading to the tagged URL), in order and not overlapping: they are kept as
 * given, and a URL found in the text over any of the same characters gives way to them.
 */
export function findLinks(text: string, placed: readonly UrlInText[] = []): RenderedLink[] {
  const found = findUrls(text).map((link) => ({ ...link, url: withScheme(link.url) }));
  const spans =
    placed.length === 0
      ? found
      : [...placed, ...found.filter((link) => !placed.some((p) => overlap(p, link)))].sort(
          (a, b) => a.start - b.start,
        );
  const links: RenderedLink[] = [];
  let index = 0;
  let bytes = 0;
  for (const { url, start, end } of spans) {
    const byteStart = bytes + utf8Length(text, index, start);
    const byteEnd = byteStart + utf8Length(text, start, end);
    links.push({ url, start, end, byteStart, byteEnd });
    index = end;
    bytes = byteEnd;
  }
  return links;
}

function overlap(a: UrlInText, b: UrlInText): boolean {
  return a.start < b.end && b.start < a.end;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

function withScheme(url: string): string {
  return HAS_SCHEME.test(url) ? url : `https://${url}`;
}
