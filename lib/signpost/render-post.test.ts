import { describe, expect, it } from 'vitest';
import { ORGANISATIONS } from '@/prisma/seed-data';
import { rulesFor } from '../platforms/rules';
import { utf8Length } from '../platforms/text-units';
import {
  PLATFORMS,
  type MediaFacts,
  type Platform,
  type RenderInput,
  type RenderedPost,
  type Signpost,
} from '../platforms/types';
import { DEFAULT_SIGNPOST } from './default-signpost';
import { renderPost } from './render-post';
import { taggedUrl } from './tagged-url';

const merseyside = ORGANISATIONS.find((organisation) => organisation.slug === 'merseyside')!;
const campaignSlug = 'nw-online-2026';
const poster: MediaFacts = {
  mimeType: 'image/jpeg',
  bytes: 300_000,
  width: 1080,
  height: 1080,
  altText: 'Poster: help is available to stop',
};
const input = (body: string, overrides: Partial<RenderInput> = {}): RenderInput => ({
  body,
  organisation: merseyside,
  campaignSlug,
  signpost: DEFAULT_SIGNPOST,
  media: [],
  ...overrides,
});
const urlFor = (platform: Platform) =>
  taggedUrl(DEFAULT_SIGNPOST.url, { platform, campaignSlug, organisationSlug: 'merseyside' });
const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

const BODY = 'Help is available to stop. {organisation} works with partners across {area}.';
const FILLED =
  'Help is available to stop. Merseyside Police works with partners across Merseyside.';
const X_FULL = `Worried about your own or someone else’s online behaviour towards children? Confidential help: 0808 1000 900 ${urlFor('x')}`;
const X_SHORT = `Confidential help: 0808 1000 900 ${urlFor('x')}`;

describe('renderPost', () => {
  it('fills the placeholders and adds the full signpost after a blank line', () => {
    const post = renderPost('x', input(BODY));
    expect(post).toMatchObject({
      platform: 'x',
      text: `${FILLED}\n\n${X_FULL}`,
      limit: 280,
      valid: true,
      problems: [],
      signpostForm: 'full',
    });
    expect(post.length).toBe(FILLED.length + 2 + X_FULL.length - urlFor('x').length + 23);
  });

  it('tags the signpost link for the platform, campaign and organisation', () => {
    expect(renderPost('facebook', input(BODY)).text).toContain(
      'https://get-help.stopitnow.org.uk/?utm_source=facebook&utm_medium=social&utm_campaign=nw-online-2026&utm_content=merseyside',
    );
  });

  it('trims trailing blank lines from the body before the signpost', () => {
    expect(renderPost('x', input('Help is here.  \n\n\n')).text).toBe(`Help is here.\n\n${X_FULL}`);
  });

  describe('a body that already carries the signpost', () => {
    it('is not signposted twice', () => {
      const body = `Call 0808 1000 900 or visit ${urlFor('x')} today.`;
      const post = renderPost('x', input(body));
      expect(post.text).toBe(body);
      expect(post.signpostForm).toBe('in_body');
      expect(post.valid).toBe(true);
    });

    it('has a bare signpost link replaced by this post’s tagged link', () => {
      const post = renderPost(
        'x',
        input('Call 08081000900 or see https://get-help.stopitnow.org.uk.'),
      );
      expect(post.text).toBe(`Call 08081000900 or see ${urlFor('x')}.`);
      expect(post.signpostForm).toBe('in_body');
      expect(post.valid).toBe(true);
    });

    it('has a link tagged for another platform, or typed without https://, retagged', () => {
      const body = `0808-1000-900: ${urlFor('facebook')} and get-help.stopitnow.org.uk/`;
      const post = renderPost('x', input(body));
      expect(post.text).toBe(`0808-1000-900: ${urlFor('x')} and ${urlFor('x')}`);
      expect(post.valid).toBe(true);
    });

    it('on Instagram needs only the number, and its text stays as typed', () => {
      const body = 'Call 0808 1000 900 (get-help.stopitnow.org.uk)';
      const post = renderPost('instagram', input(body, { media: [poster] }));
      expect(post).toMatchObject({ text: body, signpostForm: 'in_body', valid: true });
    });

    it('still gets the signpost when only the link is there, with that link retagged', () => {
      const post = renderPost('x', input('See get-help.stopitnow.org.uk'));
      expect(post.text).toBe(`See ${urlFor('x')}\n\n${X_FULL}`);
      expect(post.signpostForm).toBe('full');
    });
  });

  describe('when the full signpost does not fit', () => {
    it('uses the short signpost', () => {
      const body = 'a'.repeat(200);
      const post = renderPost('x', input(body));
      expect(post).toMatchObject({
        text: `${body}\n\n${X_SHORT}`,
        signpostForm: 'short',
        valid: true,
      });
      expect(post.length).toBe(200 + 2 + 56);
    });

    it('uses the short signpost right up to the limit', () => {
      const post = renderPost('x', input('a'.repeat(280 - 2 - 56)));
      expect(post).toMatchObject({ length: 280, signpostForm: 'short', valid: true });
    });

    it('says exactly how far over it is, even with the short signpost, and never truncates', () => {
      const body = 'a'.repeat(253);
      const post = renderPost('x', input(body));
      expect(post.valid).toBe(false);
      expect(post.problems).toEqual([
        {
          code: 'too_long',
          message: 'X: 31 characters over the 280 limit, even with the short signpost',
        },
      ]);
      expect(post.text).toBe(`${body}\n\n${X_SHORT}`);
      expect(post.length).toBe(311);
    });

    it('says "1 character" for one over', () => {
      const post = renderPost('x', input('a'.repeat(223)));
      expect(post.problems[0]?.message).toBe(
        'X: 1 character over the 280 limit, even with the short signpost',
      );
    });

    it('writes large limits with thousands separators', () => {
      const post = renderPost('facebook', input('a'.repeat(63_206)));
      expect(post.problems[0]?.message).toMatch(
        /^Facebook: [\d,]+ characters over the 63,206 limit, even with the short signpost$/,
      );
    });

    it('reports a body that carries the signpost itself but is too long without "even with"', () => {
      const body = `${'a'.repeat(300)} 0808 1000 900 ${urlFor('x')}`;
      const post = renderPost('x', input(body));
      expect(post.signpostForm).toBe('in_body');
      expect(post.problems).toEqual([
        { code: 'too_long', message: 'X: 58 characters over the 280 limit' },
      ]);
    });

    it('reports Bluesky’s byte cap when combining marks fill it within 300 graphemes', () => {
      const body = `e${'\u0301'.repeat(1_600)}`;
      const post = renderPost('bluesky', input(body));
      expect(post.length).toBeLessThan(300);
      expect(post.valid).toBe(false);
      expect(post.problems[0]?.message).toMatch(
        /^Bluesky: [\d,]+ bytes over the 3,000-byte limit, even with the short signpost$/,
      );
    });
  });

  describe('problems', () => {
    it('reports an empty body and still shows the signpost alone', () => {
      for (const body of ['', '   \n ']) {
        const post = renderPost('x', input(body));
        expect(post.problems).toEqual([
          {
            code: 'empty_body',
            message: 'The message is empty; write it before the signpost is added.',
          },
        ]);
        expect(post.text).toBe(X_FULL);
      }
    });

    it('reports unknown placeholders and leaves them visible', () => {
      const post = renderPost('x', input('{orgnisation} says help is there.'));
      expect(post.valid).toBe(false);
      expect(post.problems).toEqual([
        {
          code: 'unknown_placeholder',
          message: 'Unknown placeholder {orgnisation}; use {organisation} or {area}',
        },
      ]);
      expect(post.text.startsWith('{orgnisation} says')).toBe(true);
    });

    it('reports Instagram without an image as invalid', () => {
      const post = renderPost('instagram', input(BODY));
      expect(post.valid).toBe(false);
      expect(codes(post.problems)).toEqual(['media_required']);
      expect(renderPost('instagram', input(BODY, { media: [poster] })).valid).toBe(true);
    });

    it('reports media problems against the platform’s rules', () => {
      const media = [
        ...Array.from({ length: 5 }, () => poster),
        { ...poster, altText: '', bytes: 2_000_000 },
      ];
      expect(codes(renderPost('x', input(BODY, { media })).problems)).toEqual([
        'media_too_many',
        'media_missing_alt_text',
      ]);
      expect(
        codes(
          renderPost('bluesky', input('Hi', { media: [{ ...poster, bytes: 2_000_000 }] })).problems,
        ),
      ).toEqual(['media_too_large']);
    });

    it('includes the signpost check, so a broken signpost wording cannot produce a valid post', () => {
      const broken: Signpost = {
        ...DEFAULT_SIGNPOST,
        wording: {
          ...DEFAULT_SIGNPOST.wording,
          x: { full: 'Get help: {url}', short: 'Help: {phone}' },
        },
      };
      const post = renderPost('x', input('Hello', { signpost: broken }));
      expect(post.valid).toBe(false);
      expect(codes(post.problems)).toEqual(['signpost_phone_missing']);
    });
  });

  it('keeps HTML and script exactly as typed, inert text', () => {
    const body = '<script>alert("x")</script> <b>bold</b> &amp; <img src=x onerror=alert(1)>';
    const post = renderPost('facebook', input(body));
    expect(post.text.startsWith(`${body}\n\n`)).toBe(true);
    expect(post.valid).toBe(true);
  });

  it('keeps Windows line breaks and emoji as typed', () => {
    const body = 'Line one 👍\r\nLine two 🇬🇧';
    expect(renderPost('mastodon', input(body)).text.startsWith(`${body}\n\n`)).toBe(true);
  });

  describe('links', () => {
    it('lists the tagged signpost link with string indexes and byte offsets', () => {
      const post = renderPost('facebook', input('👍 Help is here.'));
      const url = urlFor('facebook');
      const start = post.text.indexOf(url);
      const bytesBefore = new TextEncoder().encode(post.text.slice(0, start)).length;
      expect(post.links).toEqual([
        {
          url,
          start,
          end: start + url.length,
          byteStart: bytesBefore,
          byteEnd: bytesBefore + url.length,
        },
      ]);
      // The emoji is 2 UTF-16 units but 4 bytes; the ’ in the wording 1 unit but 3 bytes.
      expect(bytesBefore).toBe(start + 2 + 2);
    });

    it('lists links in the body too, in order', () => {
      const post = renderPost('x', input('Read https://example.org/report first.'));
      expect(post.links.map((link) => link.url)).toEqual([
        'https://example.org/report',
        urlFor('x'),
      ]);
    });
  });

  describe('on Bluesky, where the signpost link shows as the website’s address', () => {
    const SHORT = 'get-help.stopitnow.org.uk';
    const BLUESKY_FULL = `Worried about your own or someone else’s online behaviour towards children? Confidential help: 0808 1000 900 ${SHORT}`;
    /** The characters each link covers, read back from the UTF-8 bytes as Bluesky reads facets. */
    const linkedText = (post: RenderedPost) => {
      const bytes = new TextEncoder().encode(post.text);
      return post.links.map(({ byteStart, byteEnd }) =>
        new TextDecoder().decode(bytes.slice(byteStart, byteEnd)),
      );
    };

    it('shows the short address and links it to the tagged URL', () => {
      const post = renderPost('bluesky', input(`👍 ${BODY}`));
      const text = `👍 ${FILLED}\n\n${BLUESKY_FULL}`;
      const start = text.lastIndexOf(SHORT);
      expect(post).toMatchObject({ text, valid: true, signpostForm: 'full' });
      expect(post.text).not.toContain('utm_');
      expect(post.links).toEqual([
        {
          url: urlFor('bluesky'),
          start,
          end: start + SHORT.length,
          byteStart: utf8Length(text, 0, start),
          byteEnd: utf8Length(text, 0, start) + SHORT.length,
        },
      ]);
      expect(linkedText(post)).toEqual([SHORT]);
      expect(post.length).toBe(rulesFor('bluesky').count(text));
    });

    it('turns the signpost website in the body, however typed or tagged, into the short linked address', () => {
      const body = `Call 0808 1000 900, see https://GET-HELP.stopitnow.org.uk/?utm_source=facebook or get-help.stopitnow.org.uk/.`;
      const post = renderPost('bluesky', input(body));
      expect(post).toMatchObject({
        text: `Call 0808 1000 900, see ${SHORT} or ${SHORT}.`,
        signpostForm: 'in_body',
        valid: true,
      });
      expect(post.links.map((link) => link.url)).toEqual([urlFor('bluesky'), urlFor('bluesky')]);
      expect(linkedText(post)).toEqual([SHORT, SHORT]);
    });

    it('keeps other URLs in the body as typed, linked to what was typed with https:// added', () => {
      const post = renderPost(
        'bluesky',
        input('Read example.org/report and https://e.org/a first.'),
      );
      expect(post.text.startsWith('Read example.org/report and https://e.org/a first.')).toBe(true);
      expect(post.links.map((link) => link.url)).toEqual([
        'https://example.org/report',
        'https://e.org/a',
        urlFor('bluesky'),
      ]);
      expect(linkedText(post)).toEqual(['example.org/report', 'https://e.org/a', SHORT]);
    });

    it('links exactly the address where the wording puts {url} against other characters', () => {
      const signpost: Signpost = {
        ...DEFAULT_SIGNPOST,
        url: 'https://www.stopitnow.org.uk/get-help/',
        wording: {
          ...DEFAULT_SIGNPOST.wording,
          bluesky: { full: 'Help: {phone} ({url})', short: '{phone}:{url}/' },
        },
      };
      const post = renderPost('bluesky', input('Hello', { signpost }));
      expect(post.text).toBe('Hello\n\nHelp: 0808 1000 900 (www.stopitnow.org.uk/get-help)');
      expect(linkedText(post)).toEqual(['www.stopitnow.org.uk/get-help']);
      expect(post.links[0]?.url).toBe(
        taggedUrl(signpost.url, {
          platform: 'bluesky',
          campaignSlug,
          organisationSlug: 'merseyside',
        }),
      );
      expect(post.valid).toBe(true);
    });

    it('still signposts a body that only names the website without the number', () => {
      const post = renderPost('bluesky', input(`See ${SHORT}`));
      expect(post.text).toBe(`See ${SHORT}\n\n${BLUESKY_FULL}`);
      expect(post.links.map((link) => link.url)).toEqual([urlFor('bluesky'), urlFor('bluesky')]);
    });

    it('fits a 200-character message with {area} for every organisation', () => {
      const body =
        `In {area}, ${'help is there for anyone worried about their behaviour. '.repeat(4)}`.slice(
          0,
          200,
        );
      expect(body).toHaveLength(200);
      for (const organisation of ORGANISATIONS) {
        const post = renderPost('bluesky', input(body, { organisation }));
        const tagged = taggedUrl(DEFAULT_SIGNPOST.url, {
          platform: 'bluesky',
          campaignSlug,
          organisationSlug: organisation.slug,
        });
        expect(post.problems, organisation.slug).toEqual([]);
        expect(post.text).toContain(organisation.area);
        expect(post.links.map((link) => link.url)).toEqual([tagged]);
        expect(linkedText(post)).toEqual([SHORT]);
      }
    });
  });

  it('renders every platform valid for a realistic message, with each platform’s own tagging', () => {
    for (const platform of PLATFORMS) {
      const post = renderPost(platform, input(BODY, { media: [poster] }));
      expect(post.problems, platform).toEqual([]);
      if (rulesFor(platform).linksClickable) {
        expect(post.links.map((link) => link.url)).toContain(urlFor(platform));
      }
    }
  });
});
