// A post on a LinkedIn organisation page, published through the Posts API (/rest/posts).
import { UPLOADABLE_IMAGE_TYPES } from './media';
import type { PlatformRules } from './types';

// The Posts API's "little text" format gives these characters meaning (mentions, hashtag
// templates); unescaped, LinkedIn silently cuts the commentary at the first one, which would drop
// the signpost at the "_" of "utm_source". Learn: "little Text Format" — "All reserved characters
// need to be escaped with a backslash, even if those characters are not used in one of the
// supported elements".
const LITTLE_TEXT_RESERVED = /[\\|{}@[\]()<>#*_~]/g;

/**
 * The commentary as the Posts API must receive it: every reserved character escaped with a
 * backslash, so LinkedIn shows exactly the text we rendered. URLs are escaped too, deliberately:
 * the documentation makes no exception for them, and an unescaped "_" in a tagged link is exactly
 * where LinkedIn would cut the post. Hashtags become plain text rather than LinkedIn hashtag links;
 * the campaign does not rely on them.
 */
export function escapeLinkedInCommentary(text: string): string {
  return text.replace(LITTLE_TEXT_RESERVED, '\\$&');
}

export const linkedinRules: PlatformRules = {
  platform: 'linkedin',
  label: 'LinkedIn',
  // Posts API: commentary is at most 3,000 characters. We count the text the reader sees, before
  // escaping, as LinkedIn's own composer does: the backslashes are transport, not content. UTF-16
  // code units (an emoji counts 2), the stricter reading of "characters".
  limit: 3_000,
  countingNote: 'characters as the reader sees them; an emoji counts as 2',
  linksClickable: true,
  linkText: 'url',
  media: {
    // Images API and MultiImage API: 2 to 20 images in a multi-image post, under 36,152,320 pixels
    // each; 5 MB is the size LinkedIn's help centre gives for feed images.
    maxImages: 20,
    maxBytes: 5_000_000,
    mimeTypes: UPLOADABLE_IMAGE_TYPES,
    requiresImage: false,
    // 4096 × 4096 is 16.8 million pixels, well inside the pixel cap for any shape.
    maxDimension: 4096,
  },
  count: (text) => text.length,
};
