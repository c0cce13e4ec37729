// The units platforms count text in: UTF-16 code units (JavaScript's own length), code points,
// grapheme clusters (what a reader sees as one character) and UTF-8 bytes. Pure; every function
// here runs on each keystroke of the composer for all eight platforms, so each has a fast path for
// the common case and nothing is created per call.

// One segmenter for the whole process: creating one costs far more than using it.
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The length in UTF-8 bytes of text[from, to), as TextEncoder would encode it (a lone surrogate
 * becomes U+FFFD, 3 bytes), without copying the slice.
 */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (isHighSurrogate(unit) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Unicode scalar values (a lone surrogate counts as one). */
export function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      count--;
      i++;
    }
  }
  return count;
}

/** Grapheme clusters: "👨‍👩‍👧", "🇬🇧" and "é" (e + combining accent) are one each. */
export function graphemeCount(text: string): number {
  if (!JOINS_NEIGHBOURS.test(text)) return codePointCount(text) - countCrLf(text);
  let count = 0;
  for (const _ of graphemeSegmenter.segment(text)) count++;
  return count;
}

/** The grapheme clusters of the text, in order. */
export function graphemes(text: string): Iterable<string> {
  const segments = graphemeSegmenter.segment(text);
  return {
    *[Symbol.iterator]() {
      for (const { segment } of segments) yield segment;
    },
  };
}

/**
 * Characters that can join a neighbour into one grapheme (Unicode's grapheme cluster rules, UAX
 * #29): combining and spacing marks and other extenders, ZWJ and ZWNJ, emoji modifiers, regional
 * indicators (flags), Hangul jamo, and the few "prepended" concatenation marks. Text without any
 * of them has one grapheme per code point, CR LF aside, so the segmenter (slow by comparison) is
 * only used when one is present. Most campaign text, curly quotes and CJK included, has none.
 */
const JOINS_NEIGHBOURS =
  /[\p{M}\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Regional_Indicator}\u200c\u200d\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u0e33\u0eb3\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]/u;

function countCrLf(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\r\n'); at !== -1; at = text.indexOf('\r\n', at + 2)) count++;
  return count;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
