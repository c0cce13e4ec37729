// Welsh and English together (issue 13): the bilingual post puts the Welsh first, each half with
// the signpost in its own language; Welsh letters are counted as each platform counts them.
import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { rulesFor } from '../platforms/rules';
import { PLATFORMS, type MediaFacts, type Platform, type Signpost } from '../platforms/types';
import { DEFAULT_SIGNPOST } from './default-signpost';
import { DEFAULT_WORDING_CY } from './default-signpost-cy';
import { fillPlaceholders } from './placeholders';
import { postsForChannel, renderBilingualPost } from './render-bilingual';
import { renderPost } from './render-post';
import { containsPhone, verifySignpost } from './verify-signpost';

const northWales = {
  slug: 'north-wales',
  name: 'North Wales Police',
  area: 'North Wales',
  nameCy: 'Heddlu Gogledd Cymru',
  areaCy: 'Gogledd Cymru',
};
const poster: MediaFacts = {
  mimeType: 'image/jpeg',
  bytes: 300_000,
  width: 1080,
  height: 1080,
  altText: 'Poster',
};
const base = {
  organisation: northWales,
  campaignSlug: 'nw-online-2026',
  signpost: DEFAULT_SIGNPOST,
  media: [poster],
};
const context = { campaignSlug: 'nw-online-2026', organisationSlug: 'north-wales' };
const BODY_CY = 'Mae help ar gael i stopio. Mae {organisation} yn gweithio ledled {area}.';
const BODY_EN = 'Help is available to stop. {organisation} works across {area}.';

const WELSH_LETTERS = ['â', 'ê', 'î', 'ô', 'û', 'ŵ', 'ŷ', 'Â', 'Ê', 'Î', 'Ô', 'Û', 'Ŵ', 'Ŷ'];

describe('Welsh text', () => {
  it('fills {organisation} and {area} with the Welsh names', () => {
    expect(fillPlaceholders(BODY_CY, northWales, 'cy')).toBe(
      'Mae help ar gael i stopio. Mae Heddlu Gogledd Cymru yn gweithio ledled Gogledd Cymru.',
    );
    expect(fillPlaceholders(BODY_EN, northWales, 'en')).toContain('North Wales Police');
  });

  it('falls back to the English names where the organisation has no Welsh ones', () => {
    const plain = { slug: 'lancashire', name: 'Lancashire Constabulary', area: 'Lancashire' };
    expect(fillPlaceholders('{organisation} {area}', plain, 'cy')).toBe(
      'Lancashire Constabulary Lancashire',
    );
  });

  it.each(PLATFORMS)(
    'carries the Welsh signpost wording with the same number on %s',
    (platform) => {
      const post = renderPost(platform, { ...base, body: BODY_CY, language: 'cy' });
      expect(post.valid).toBe(true);
      const wording =
        DEFAULT_WORDING_CY[platform][post.signpostForm === 'short' ? 'short' : 'full'];
      expect(post.text).toContain(wording.split('{phone}')[0]!.trim());
      expect(containsPhone(post.text, DEFAULT_SIGNPOST.phone)).toBe(true);
    },
  );

  it('is refused where the signpost has no Welsh wording', () => {
    const englishOnly: Signpost = { ...DEFAULT_SIGNPOST, wordingCy: null };
    const post = renderPost('facebook', {
      ...base,
      signpost: englishOnly,
      body: BODY_CY,
      language: 'cy',
    });
    expect(post.valid).toBe(false);
    expect(post.problems.map((problem) => problem.code)).toContain('signpost_welsh_missing');
  });
});

describe('renderBilingualPost', () => {
  it.each(PLATFORMS)('puts the Welsh first, each with its own signpost, on %s', (platform) => {
    const post = renderBilingualPost(platform, { ...base, bodyCy: BODY_CY, bodyEn: BODY_EN });
    expect(post.valid).toBe(true);
    expect(post.text.startsWith('Mae help ar gael i stopio. Mae Heddlu Gogledd Cymru')).toBe(true);
    const welsh = post.text.slice(0, post.englishStart);
    const english = post.text.slice(post.englishStart);
    expect(english.startsWith('Help is available to stop. North Wales Police')).toBe(true);
    expect(containsPhone(welsh, DEFAULT_SIGNPOST.phone)).toBe(true);
    expect(containsPhone(english, DEFAULT_SIGNPOST.phone)).toBe(true);
    expect(welsh).not.toContain('Worried');
    expect(english).not.toContain('Yn poeni');
  });

  it('falls to the short signpost in both languages before refusing', () => {
    const longer = `${BODY_EN} ${'Help is there. '.repeat(3)}`;
    const post = renderBilingualPost('x', { ...base, bodyCy: BODY_CY, bodyEn: longer });
    expect(post.signpostForm).toBe('short');
    expect(post.text).toContain('Help cyfrinachol: 0808 1000 900');
    expect(post.text).toContain('Confidential help: 0808 1000 900');
  });

  it('reports a post too long for both, never dropping a language', () => {
    const long = 'Geiriau. '.repeat(40);
    const post = renderBilingualPost('x', { ...base, bodyCy: long, bodyEn: BODY_EN });
    expect(post.valid).toBe(false);
    expect(post.problems.map((problem) => problem.code)).toContain('too_long');
    expect(post.text).toContain('North Wales Police');
  });

  it('names the language of an empty text', () => {
    const post = renderBilingualPost('facebook', { ...base, bodyCy: '  ', bodyEn: BODY_EN });
    expect(post.problems.map((problem) => problem.message)).toContainEqual(
      expect.stringMatching(/^Welsh: The message is empty/),
    );
  });
});

describe('postsForChannel', () => {
  const texts = { ...base, bodyCy: BODY_CY, bodyEn: BODY_EN };

  it('gives an English account the English, a Welsh account the Welsh', () => {
    expect(postsForChannel('x', 'en', texts).map((post) => post.language)).toEqual(['en']);
    expect(postsForChannel('x', 'cy', texts).map((post) => post.language)).toEqual(['cy']);
  });

  it('gives a bilingual account one post, Welsh first, where both fit', () => {
    expect(postsForChannel('facebook', 'bilingual', texts).map((post) => post.language)).toEqual([
      'bilingual',
    ]);
  });

  it('gives a bilingual account two posts, Welsh first, where both do not fit in one', () => {
    const long = { ...texts, bodyCy: 'Geiriau. '.repeat(15), bodyEn: 'Words here. '.repeat(10) };
    const posts = postsForChannel('x', 'bilingual', long);
    expect(posts.map((post) => post.language)).toEqual(['cy', 'en']);
    expect(posts.every((post) => post.rendered.valid)).toBe(true);
  });

  it('gives English alone where the message has no Welsh', () => {
    const posts = postsForChannel('x', 'bilingual', { ...texts, bodyCy: null });
    expect(posts.map((post) => post.language)).toEqual(['en']);
  });
});

// Welsh words, with the circumflexed letters precomposed and combining (w + U+0302 is ŵ to a
// reader), placeholders, numbers and punctuation.
const welshToken = fc.oneof(
  fc.constantFrom(
    'Mae ',
    'help ',
    'ar gael ',
    'i ',
    'bawb ',
    '{organisation} ',
    '{area} ',
    'ŵyr ',
    'tŷ ',
    'dŵr ',
    'Tŷ Ddewi ',
    'gwên ',
    'Iâ ',
    'Môn ',
    '\n',
    '. ',
    '0808 ',
  ),
  fc.constantFrom(...WELSH_LETTERS),
  fc.constantFrom(...WELSH_LETTERS.map((letter) => letter.normalize('NFD'))),
);
const welshText = fc
  .array(welshToken, { minLength: 1, maxLength: 60 })
  .map((parts) => parts.join(''));
const englishText = fc
  .array(fc.constantFrom('Help ', 'is ', 'there ', '{organisation} ', '{area} ', '. ', '\n'), {
    minLength: 1,
    maxLength: 60,
  })
  .map((parts) => parts.join(''));
const platform = fc.constantFrom(...PLATFORMS);

describe('properties', () => {
  it('a bilingual post that fits always carries the signpost in both languages, Welsh first', () => {
    fc.assert(
      fc.property(platform, welshText, englishText, (on, bodyCy, bodyEn) => {
        const post = renderBilingualPost(on, { ...base, bodyCy, bodyEn });
        if (!post.valid) return post.problems.length > 0;
        const welsh = post.text.slice(0, post.englishStart - 2);
        const english = post.text.slice(post.englishStart);
        const filledCy = fillPlaceholders(bodyCy, northWales, 'cy').trimEnd();
        const filledEn = fillPlaceholders(bodyEn, northWales, 'en').trimEnd();
        const halfLinks = (from: number, to: number) =>
          post.links
            .filter((link) => link.start >= from && link.end <= to)
            .map((link) => ({
              ...link,
              start: link.start - from,
              end: link.end - from,
              byteStart: link.byteStart - Buffer.byteLength(post.text.slice(0, from)),
              byteEnd: link.byteEnd - Buffer.byteLength(post.text.slice(0, from)),
            }));
        return (
          welsh.startsWith(filledCy) &&
          english.startsWith(filledEn) &&
          verifySignpost(
            { text: welsh, links: halfLinks(0, welsh.length) },
            on,
            DEFAULT_SIGNPOST,
            context,
          ).ok &&
          verifySignpost(
            { text: english, links: halfLinks(post.englishStart, post.text.length) },
            on,
            DEFAULT_SIGNPOST,
            context,
          ).ok &&
          post.length === rulesFor(on).count(post.text) &&
          post.length <= post.limit
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a bilingual account always gets the Welsh no later than the English', () => {
    fc.assert(
      fc.property(platform, welshText, englishText, (on, bodyCy, bodyEn) => {
        const languages = postsForChannel(on, 'bilingual', { ...base, bodyCy, bodyEn }).map(
          (post) => post.language,
        );
        return (
          (languages.length === 1 && languages[0] === 'bilingual') ||
          (languages.length === 2 && languages[0] === 'cy' && languages[1] === 'en')
        );
      }),
      { numRuns: 200 },
    );
  });

  it('Welsh letters are counted as each platform counts them', () => {
    const segmenter = new Intl.Segmenter('cy', { granularity: 'grapheme' });
    const reference: Record<Platform, (text: string) => number> = {
      // X weighs NFC-normalised code points: ŵ and w + U+0302 are both 1.
      x: (text) => twitter.parseTweet(text).weightedLength,
      // UTF-16 code units: a combining circumflex is one more.
      facebook: (text) => text.length,
      instagram: (text) => text.length,
      linkedin: (text) => text.length,
      nextdoor: (text) => text.length,
      threads: (text) => [...text].length,
      // What a reader sees as one character.
      bluesky: (text) => [...segmenter.segment(text)].length,
      mastodon: (text) => [...segmenter.segment(text)].length,
    };
    fc.assert(
      fc.property(
        platform,
        welshText,
        (on, text) => rulesFor(on).count(text) === reference[on](text),
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['x', 14, 14],
    ['facebook', 14, 28],
    ['instagram', 14, 28],
    ['linkedin', 14, 28],
    ['nextdoor', 14, 28],
    ['threads', 14, 28],
    ['bluesky', 14, 14],
    ['mastodon', 14, 14],
  ] as const)(
    'counts the fourteen circumflexed letters on %s as %i precomposed and %i combining',
    (on, precomposed, combining) => {
      const letters = WELSH_LETTERS.join('');
      expect(rulesFor(on).count(letters.normalize('NFC'))).toBe(precomposed);
      expect(rulesFor(on).count(letters.normalize('NFD'))).toBe(combining);
    },
  );
});
