// For any body on any platform, a rendered post is either valid — within the platform's limits by
// its own count, signposted, and carrying the whole filled body — or reported invalid with at
// least one problem. Never a silently truncated or unsigned valid post. And its links always point
// at their own characters, by string index and by UTF-8 byte (Bluesky's facets).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ORGANISATIONS } from '@/prisma/seed-data';
import { rulesFor } from '../platforms/rules';
import { utf8Length } from '../platforms/text-units';
import {
  PLATFORMS,
  type MediaFacts,
  type Platform,
  type PlatformRules,
  type RenderedPost,
} from '../platforms/types';
import { DEFAULT_SIGNPOST } from './default-signpost';
import { fillPlaceholders } from './placeholders';
import { renderPost } from './render-post';
import { shortLinkText, taggedUrl } from './tagged-url';
import { containsPhone, verifySignpost } from './verify-signpost';

const poster: MediaFacts = {
  mimeType: 'image/png',
  bytes: 500_000,
  width: 1080,
  height: 1350,
  altText: 'Campaign poster',
};

// Pieces a real or hostile body is made of: words, placeholders (right and mistyped), emoji of
// every construction, CJK, combining marks, links, mentions, markup, line breaks.
const token = fc.constantFrom(
  'help ',
  'Viewing images of children is not victimless. ',
  '{organisation}',
  '{area}',
  '{orgnisation}',
  '{ }',
  '👍',
  '❤️',
  '👨‍👩‍👧‍👦',
  '🇬🇧',
  '1️⃣',
  '👍🏽',
  '日本語',
  '한국어',
  'e\u0301',
  'Z\u0336\u0337\u0338',
  'https://example.org/a_b?c=(d)',
  'example.com',
  '@someone@mastodon.social',
  '#StopItNow',
  '<script>alert(1)</script>',
  '&amp;',
  '\n',
  '\r\n',
  ' ',
);

// fast-check keeps generated sizes small unless told otherwise; lengths around every platform's
// limit matter here, so most bodies are drawn at full size.
const body = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 600, size: 'max' }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 300, size: 'max' }),
  fc.string({ unit: 'binary', maxLength: 600, size: 'max' }),
  fc
    .array(fc.oneof(token, fc.string({ unit: 'grapheme', maxLength: 8 })), {
      maxLength: 120,
      size: 'max',
    })
    .map((parts) => parts.join('')),
);

// The signpost in the body, in the spellings people use.
const withSignpostPieces = fc
  .array(
    fc.oneof(
      token,
      fc.constantFrom(
        '0808 1000 900',
        '08081000900',
        '(0808) 1000-900',
        'get-help.stopitnow.org.uk',
        'https://get-help.stopitnow.org.uk/',
        'http://GET-HELP.stopitnow.org.uk?utm_source=facebook&utm_content=cumbria',
        'https://www.stopitnow.org.uk',
      ),
    ),
    { maxLength: 60, size: 'max' },
  )
  .map((parts) => parts.join(''));

const platform = fc.constantFrom(...PLATFORMS);
const organisation = fc.constantFrom(...ORGANISATIONS);
const campaignSlug = fc.constantFrom(
  'nw-online-2026',
  'x',
  'a-very-long-campaign-slug-for-the-region-2027',
);
const media = fc.constantFrom<MediaFacts[]>([], [poster]);

function check(
  text: string,
  on: Platform,
  org: (typeof ORGANISATIONS)[number],
  slug: string,
  images: MediaFacts[],
  strictBody: boolean,
): boolean {
  const post = renderPost(on, {
    body: text,
    organisation: org,
    campaignSlug: slug,
    signpost: DEFAULT_SIGNPOST,
    media: images,
  });
  const rules = rulesFor(on);
  // Whatever happens, nothing is cut and the signpost is never dropped.
  if (!containsPhone(post.text, DEFAULT_SIGNPOST.phone)) return false;
  if (!linksHold(post, rules, tagged(on, org, slug))) return false;
  if (strictBody && !post.text.startsWith(fillPlaceholders(text, org).trimEnd())) return false;
  if (post.length !== rules.count(post.text)) return false;
  if (!post.valid) return post.problems.length > 0;
  const context = { campaignSlug: slug, organisationSlug: org.slug };
  return (
    post.problems.length === 0 &&
    post.length <= rules.limit &&
    (rules.textByteLimit === undefined || utf8Length(post.text) <= rules.textByteLimit) &&
    verifySignpost(post, on, DEFAULT_SIGNPOST, context).ok
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function tagged(on: Platform, org: (typeof ORGANISATIONS)[number], slug: string): string {
  return taggedUrl(DEFAULT_SIGNPOST.url, {
    platform: on,
    campaignSlug: slug,
    organisationSlug: org.slug,
  });
}

/**
 * The links are in order and apart, and each one's UTF-8 bytes decode to exactly its characters
 * (what Bluesky reads). Where the link text is short, the signpost is there as at least one link
 * to the tagged URL, and every such link covers the website's short address and nothing else.
 */
function linksHold(post: RenderedPost, rules: PlatformRules, url: string): boolean {
  const bytes = encoder.encode(post.text);
  let end = 0;
  for (const link of post.links) {
    if (link.start < end || link.end <= link.start) return false;
    end = link.end;
    const shown = post.text.slice(link.start, link.end);
    if (decoder.decode(bytes.slice(link.byteStart, link.byteEnd)) !== shown) return false;
    if (rules.linkText === 'short' && link.url === url && shown !== SHORT_LINK_TEXT) return false;
  }
  return rules.linkText !== 'short' || post.links.some((link) => link.url === url);
}

const SHORT_LINK_TEXT = shortLinkText(DEFAULT_SIGNPOST.url);

// Random text from all of Unicode is the slow case for X's counter (twitter-text reads the whole
// text with one large regular expression), so these runs get more time than a unit test, and a
// failure's shrinking is cut short rather than left to run for minutes.
const TIME = 60_000;
const RUN = { interruptAfterTimeLimit: 30_000, markInterruptAsFailure: true };

describe('renderPost for any body, on every platform', () => {
  it(
    'is valid and complete, or invalid with a reason',
    () => {
      fc.assert(
        fc.property(
          body,
          platform,
          organisation,
          campaignSlug,
          media,
          (text, on, org, slug, images) => check(text, on, org, slug, images, true),
        ),
        { ...RUN, numRuns: 1_500 },
      );
    },
    TIME,
  );

  it(
    'holds when the body already carries parts of the signpost, in any spelling',
    () => {
      fc.assert(
        fc.property(
          withSignpostPieces,
          platform,
          organisation,
          campaignSlug,
          media,
          (text, on, org, slug, images) => check(text, on, org, slug, images, false),
        ),
        { ...RUN, numRuns: 1_500 },
      );
    },
    TIME,
  );

  it(
    'renders every platform for every organisation alike: same body, own tagging',
    () => {
      fc.assert(
        fc.property(body, (text) =>
          PLATFORMS.every((on) =>
            ORGANISATIONS.every((org) => check(text, on, org, 'nw-online-2026', [poster], true)),
          ),
        ),
        { ...RUN, numRuns: 40 },
      );
    },
    TIME,
  );

  it(
    'on Bluesky, links the short address to the tagged URL, whatever precedes it',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(body, withSignpostPieces),
          organisation,
          campaignSlug,
          (text, org, slug) => check(text, 'bluesky', org, slug, [], false),
        ),
        { ...RUN, numRuns: 1_000 },
      );
    },
    TIME,
  );
});
