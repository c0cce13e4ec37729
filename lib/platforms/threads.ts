// A Threads post, published through the Threads API (/{threads-user-id}/threads).
import { UPLOADABLE_IMAGE_TYPES } from './media';
import { codePointCount, graphemes, utf8Length } from './text-units';
import type { PlatformRules } from './types';

// What Threads treats as an emoji: any grapheme holding a pictographic character, a regional
// indicator (flags) or the keycap mark ("1️⃣"). Text-style symbols such as © are pictographic too;
// counting them by bytes overstates their weight by one or two, the safe side.
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u;

/**
 * Threads API "Threads Posts", Limitations: "Text posts are limited to 500 characters. Emojis are
 * counted as the number of UTF-8 bytes." So 👍 counts 4, ❤️ 6 and a family emoji 18; every other
 * character counts once (a code point: a combining accent counts on its own).
 */
export function countThreadsText(text: string): number {
  if (!EMOJI.test(text)) return codePointCount(text);
  let count = 0;
  for (const grapheme of graphemes(text)) {
    count += EMOJI.test(grapheme) ? utf8Length(grapheme) : codePointCount(grapheme);
  }
  return count;
}

export const threadsRules: PlatformRules = {
  platform: 'threads',
  label: 'Threads',
  limit: 500,
  countingNote: 'characters; each emoji counts as its UTF-8 bytes (👍 is 4, ❤️ is 6)',
  linksClickable: true,
  linkText: 'url',
  media: {
    // Threads API: a carousel holds up to 20 images; image specification: at most 8 MB, JPEG or
    // PNG (the media pipeline converts WebP), width up to 1440 px.
    maxImages: 20,
    maxBytes: 8_000_000,
    mimeTypes: UPLOADABLE_IMAGE_TYPES,
    requiresImage: false,
    maxDimension: 1440,
  },
  count: countThreadsText,
};
