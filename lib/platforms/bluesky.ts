// A Bluesky post: an app.bsky.feed.post record created through com.atproto.repo.createRecord.
import { UPLOADABLE_IMAGE_TYPES } from './media';
import { graphemeCount } from './text-units';
import type { PlatformRules } from './types';

export const blueskyRules: PlatformRules = {
  platform: 'bluesky',
  label: 'Bluesky',
  // Lexicon app.bsky.feed.post: text has maxGraphemes 300 and maxLength 3000 (UTF-8 bytes).
  // Bluesky shortens no links: a URL in the text counts in full, and is only clickable when the
  // record carries a facet for it (app.bsky.richtext.facet#link: a uri over a byte range).
  limit: 300,
  textByteLimit: 3_000,
  countingNote:
    'characters as the reader sees them (an emoji is 1); the signpost link shows as its short address, other links count in full',
  linksClickable: true,
  // The facet's uri need not be the text it covers, so the signpost link reads as the website's
  // address, as in Bluesky's own app, and the tagged URL (110 to 140 characters, which would
  // leave a message too little of the 300) travels in the facet alone.
  linkText: 'short',
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
