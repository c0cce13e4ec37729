import { describe, expect, it } from 'vitest';
import { findLinks } from '../platforms/links';
import { utf8Length } from '../platforms/text-units';
import { PLATFORMS, type Platform, type RenderedLink } from '../platforms/types';
import { DEFAULT_SIGNPOST } from './default-signpost';
import { taggedUrl } from './tagged-url';
import { containsPhone, verifySignpost } from './verify-signpost';

const context = { campaignSlug: 'nw-online-2026', organisationSlug: 'merseyside' };
const urlFor = (platform: Platform, overrides: Partial<typeof context> = {}) =>
  taggedUrl(DEFAULT_SIGNPOST.url, { platform, ...context, ...overrides });
/** The text with the links a platform would find in it, as rendering lists them. */
const verify = (text: string, platform: Platform = 'x') =>
  verifySignpost({ text, links: findLinks(text) }, platform, DEFAULT_SIGNPOST, context);
const codes = (text: string, platform: Platform = 'x') =>
  verify(text, platform).problems.map((problem) => problem.code);

describe('containsPhone', () => {
  it.each([
    '0808 1000 900',
    '08081000900',
    '0808-1000-900',
    '0808.1000.900',
    '0808 / 1000 / 900',
    '(0808) 1000 900',
    '0808\u00a01000\u00a0900',
    '0808 – 1000 — 900',
    '0 8 0 8 1 0 0 0 9 0 0',
    '0808  1000\n900',
    'Call 0808 1000 900.',
    'call:08081000900!',
  ])('finds the helpline number written %j', (written) => {
    expect(containsPhone(written, DEFAULT_SIGNPOST.phone)).toBe(true);
  });

  it.each([
    ['a digit short', '0808 1000 90'],
    ['a longer number', '0808 1000 9001'],
    ['a number with a digit before it', '10808 1000 900'],
    ['another freephone number', '0800 1000 900'],
    ['separated by words', '0808 and 1000 900'],
    ['no number at all', 'Call the helpline'],
    ['the number in words', 'oh eight oh eight'],
  ])('does not find it in %s', (_name, written) => {
    expect(containsPhone(written, DEFAULT_SIGNPOST.phone)).toBe(false);
  });

  it('matches on digits whatever spacing the signpost itself uses', () => {
    expect(containsPhone('0808 1000 900', '08081000900')).toBe(true);
    expect(containsPhone('08081000900', '0808-1000-900')).toBe(true);
  });

  it('finds nothing for a signpost without digits', () => {
    expect(containsPhone('anything 123', 'none')).toBe(false);
  });
});

describe('verifySignpost', () => {
  it.each(PLATFORMS.filter((platform) => platform !== 'instagram'))(
    'accepts the number and the link tagged for %s',
    (platform) => {
      expect(verify(`Call 0808 1000 900 or visit ${urlFor(platform)}`, platform)).toEqual({
        ok: true,
        problems: [],
      });
    },
  );

  it('accepts the tagged link with its parameters in another order or without https://', () => {
    const url = new URL(urlFor('x'));
    const reordered = `https://${url.host}/?utm_content=merseyside&utm_campaign=nw-online-2026&utm_medium=social&utm_source=x`;
    expect(verify(`0808 1000 900 ${reordered}`).ok).toBe(true);
    expect(verify(`0808 1000 900 ${urlFor('x').replace('https://', '')}`).ok).toBe(true);
  });

  it('reports a missing number by name', () => {
    expect(verify(`Visit ${urlFor('x')}`).problems).toEqual([
      {
        code: 'signpost_phone_missing',
        message: 'X: the helpline number 0808 1000 900 is missing.',
      },
    ]);
  });

  it('reports a missing link and says which link to add', () => {
    expect(verify('Call 0808 1000 900').problems).toEqual([
      {
        code: 'signpost_url_missing',
        message: `X: the signpost link is missing; add ${urlFor('x')}`,
      },
    ]);
  });

  it('does not count the bare, untagged signpost URL', () => {
    expect(codes('0808 1000 900 https://get-help.stopitnow.org.uk')).toEqual([
      'signpost_url_wrong_tagging',
    ]);
    expect(codes('0808 1000 900 get-help.stopitnow.org.uk')).toEqual([
      'signpost_url_wrong_tagging',
    ]);
  });

  it('does not count a link tagged for another platform, organisation or campaign', () => {
    expect(codes(`0808 1000 900 ${urlFor('facebook')}`)).toEqual(['signpost_url_wrong_tagging']);
    expect(codes(`0808 1000 900 ${urlFor('x', { organisationSlug: 'cheshire' })}`)).toEqual([
      'signpost_url_wrong_tagging',
    ]);
    expect(codes(`0808 1000 900 ${urlFor('x', { campaignSlug: 'last-year' })}`)).toEqual([
      'signpost_url_wrong_tagging',
    ]);
  });

  it('names the wrongly tagged link and the right one', () => {
    const wrong = urlFor('facebook');
    expect(verify(`0808 1000 900 ${wrong}`).problems[0]?.message).toBe(
      `X: the signpost link ${wrong} is not tagged for this post; use ${urlFor('x')}`,
    );
  });

  it('does not count a link with extra tagging or over plain http', () => {
    expect(codes(`0808 1000 900 ${urlFor('x')}&utm_term=extra`)).toEqual([
      'signpost_url_wrong_tagging',
    ]);
    expect(codes(`0808 1000 900 ${urlFor('x').replace('https:', 'http:')}`)).toEqual([
      'signpost_url_wrong_tagging',
    ]);
  });

  it('does not count an old signpost’s URL, even tagged correctly', () => {
    const old = taggedUrl('https://www.stopitnow.org.uk/helpline', { platform: 'x', ...context });
    expect(codes(`0808 1000 900 ${old}`)).toEqual(['signpost_url_missing']);
  });

  it('does not count another page of the same website', () => {
    const other = taggedUrl('https://get-help.stopitnow.org.uk/about', {
      platform: 'x',
      ...context,
    });
    expect(codes(`0808 1000 900 ${other}`)).toEqual(['signpost_url_missing']);
  });

  it('accepts the right link when a wrong one is also there', () => {
    expect(verify(`0808 1000 900 ${urlFor('facebook')} ${urlFor('x')}`).ok).toBe(true);
  });

  it('reports both the number and the link when both are missing', () => {
    expect(codes('Nothing here')).toEqual(['signpost_phone_missing', 'signpost_url_missing']);
  });

  it('asks only for the number on Instagram, where caption links are not clickable', () => {
    expect(verify('Call 0808 1000 900, link in bio', 'instagram').ok).toBe(true);
    expect(codes('Link in bio', 'instagram')).toEqual(['signpost_phone_missing']);
  });

  it('uses the platform’s name in its messages', () => {
    expect(verify('', 'bluesky').problems[0]?.message).toBe(
      'Bluesky: the helpline number 0808 1000 900 is missing.',
    );
  });
});

describe('verifySignpost where link text is short (Bluesky)', () => {
  const SHORT = 'get-help.stopitnow.org.uk';
  const TEXT = `Help: 0808 1000 900 ${SHORT}`;
  const START = TEXT.indexOf(SHORT);
  /** A link over `text[start, end)` leading to `url`, with its true byte offsets. */
  const link = (url: string, text = TEXT, start = START, end = start + SHORT.length) => ({
    url,
    start,
    end,
    byteStart: utf8Length(text, 0, start),
    byteEnd: utf8Length(text, 0, end),
  });
  const check = (links: RenderedLink[], text = TEXT) =>
    verifySignpost({ text, links }, 'bluesky', DEFAULT_SIGNPOST, context);
  const linkCodes = (links: RenderedLink[], text = TEXT) =>
    check(links, text).problems.map((problem) => problem.code);

  it('accepts the short address linked to the tagged URL', () => {
    expect(check([link(urlFor('bluesky'))])).toEqual({ ok: true, problems: [] });
  });

  it('accepts it after emoji and curly quotes, where bytes and string indexes differ', () => {
    const text = `👨‍👩‍👧 Worried? It’s confidential: 0808 1000 900 ${SHORT}`;
    expect(check([link(urlFor('bluesky'), text, text.indexOf(SHORT))], text).ok).toBe(true);
  });

  it('does not count the address written in the text without its link', () => {
    expect(linkCodes([])).toEqual(['signpost_url_missing']);
    expect(linkCodes([], `0808 1000 900 ${urlFor('bluesky')}`)).toEqual(['signpost_url_missing']);
  });

  it('does not count the untagged address as the link, nor another post’s tagging', () => {
    expect(linkCodes(findLinks(TEXT))).toEqual(['signpost_url_wrong_tagging']);
    expect(linkCodes([link(urlFor('bluesky', { organisationSlug: 'cheshire' }))])).toEqual([
      'signpost_url_wrong_tagging',
    ]);
    expect(linkCodes([link(urlFor('x'))])).toEqual(['signpost_url_wrong_tagging']);
  });

  it('does not count a link over characters that are not the website’s address', () => {
    const text = 'Call 0808 1000 900 or click here';
    const here = text.indexOf('here');
    expect(linkCodes([link(urlFor('bluesky'), text, here, here + 4)], text)).toEqual([
      'signpost_url_missing',
    ]);
  });

  it('does not count a link outside the text, empty, or whose bytes are not its characters', () => {
    const right = link(urlFor('bluesky'));
    for (const broken of [
      { ...right, end: TEXT.length + 1 },
      { ...right, start: -1 },
      { ...right, end: right.start },
      { ...right, byteStart: right.byteStart + 1 },
      { ...right, byteEnd: right.byteEnd + 3 },
    ]) {
      expect(linkCodes([broken]), JSON.stringify(broken)).toEqual(['signpost_url_missing']);
    }
  });

  it('accepts the right link when a wrong one is also there', () => {
    const text = `${TEXT} and ${SHORT}`;
    const second = text.lastIndexOf(SHORT);
    const links = [link(urlFor('facebook'), text), link(urlFor('bluesky'), text, second)];
    expect(check(links, text).ok).toBe(true);
  });

  it('still needs the number', () => {
    const text = `Visit ${SHORT}`;
    expect(linkCodes([link(urlFor('bluesky'), text, 6)], text)).toEqual(['signpost_phone_missing']);
  });
});
