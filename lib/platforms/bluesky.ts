// A Bluesky post: an app.bsky.feed.post record created through com.atproto.repo.createRecord.
import { UPLOADABLE_IMAGE_TYPES } from './media';
import { graphemeCount } from './text-units';
import type { PlatformRules } from './types';

export const blueskyRules: PlatformRules = {
  platform: 'bluesky',
  label: 'Bluesky',
  // Lexicon app.bsky.feed.post: text has maxGraphemes 300 and maxLength 3000 (UTF-8 bytes). A
  // URL counts in full: Bluesky has no link shortening, and a link is only clickable when the
  // record carries a facet for it (byte offsets), which rendering returns in `links`.
  limit: 300,
  textByteLimit: 3_000,
  countingNote: 'characters as the reader sees them (an emoji is 1); links count in full',
  linksClickable: true,
  media: {
    // Lexicon app.bsky.embed.images: up to 4 images; each blob at most 1,000,000 bytes.
    maxImages: 4,
    maxBytes: 1_000_000,
    mimeTypes: UPLOADABLE_IMAGE_TYPES,
    requiresImage: false,
    // Bluesky's own app resizes images to 2000 px on the longest side before upload.
    maxDimension: 2000,
  },
  count: graphemeCount,
};
