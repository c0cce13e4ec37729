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
  if (isSimpleText(text)) return text.length - countCrLf(text);
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
 * Below U+0300 (where combining marks start) every UTF-16 unit is a grapheme of its own, except
 * that CR LF is one grapheme. Most campaign text is in this range, so the segmenter is skipped.
 */
function isSimpleText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x300) return false;
  return true;
}

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
