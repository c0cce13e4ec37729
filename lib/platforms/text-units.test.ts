import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointCount, graphemeCount, graphemes, utf8Length } from './text-units';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const encoder = new TextEncoder();
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['é', 2],
    ['€', 3],
    ['日本', 6],
    ['👍', 4],
    ['👨‍👩‍👧', 18],
    ['\ud800', 3],
    ['\udc00a', 4],
  ])('counts %j as %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });

  it('measures a slice without copying it', () => {
    expect(utf8Length('a👍b', 1, 3)).toBe(4);
    expect(utf8Length('a👍b', 0, 2)).toBe(4); // a cut through a surrogate pair counts its half as 3
  });

  it('agrees with TextEncoder for any text, lone surrogates included', () => {
    fc.assert(fc.property(anyText, (text) => utf8Length(text) === encoder.encode(text).length));
  });
});

describe('codePointCount', () => {
  it('agrees with the string iterator for any text', () => {
    fc.assert(fc.property(anyText, (text) => codePointCount(text) === [...text].length));
  });
});

describe('graphemeCount', () => {
  it.each([
    ['plain ASCII', 'hello', 5],
    ['CR LF as one', 'a\r\nb', 3],
    ['a ZWJ family as one', '👨‍👩‍👧‍👦', 1],
    ['a flag as one', '🇬🇧', 1],
    ['a skin-tone emoji as one', '👍🏽', 1],
    ['a keycap as one', '1️⃣', 1],
    ['e and a combining accent as one', 'e\u0301', 1],
    ['CJK one each', '日本語', 3],
    ['Hangul jamo as one syllable', '\u1100\u1161\u11a8', 1],
  ])('counts %s', (_name, text, count) => {
    expect(graphemeCount(text)).toBe(count);
  });

  it('agrees with Intl.Segmenter for any text (fast path and slow path alike)', () => {
    // Every kind of character the fast path must tell apart from the slow one: Latin, curly
    // quotes, CJK, Hangul syllables and jamo, Arabic prepended marks, Devanagari conjuncts, Thai,
    // combining marks, ZWJ and ZWNJ, variation selectors, emoji with modifiers, flags, tags,
    // keycaps and lone surrogates.
    const tricky = fc.constantFrom(
      ...['a', ' ', '\r', '\n', 'é', '’', '日', '가', '\u1100', '\u1161', '\u11a8', '\u0600'],
      ...['\u0628', '\u0915', '\u094d', '\u0937', '\u0e33', '\u0e01', '\u0301', '\u200d'],
      ...['\u200c', '\ufe0f', '👍', '\u{1f3fd}', '\u{1f1ec}', '\u{1f1e7}', '\u{e0067}'],
      ...['\u{110bd}', '\ud800', '\udc00', '\u20e3', '1', '#'],
    );
    const mixed = fc.string({ unit: tricky, maxLength: 50 });
    fc.assert(
      fc.property(fc.oneof(anyText, mixed), (text) => {
        return graphemeCount(text) === [...segmenter.segment(text)].length;
      }),
      { numRuns: 5_000 },
    );
  });

  it('lists the graphemes in order', () => {
    expect([...graphemes('a🇬🇧e\u0301')]).toEqual(['a', '🇬🇧', 'e\u0301']);
  });
});
