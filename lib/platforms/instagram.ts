// An Instagram feed post, published through the Instagram Platform's Content Publishing API.
import { UPLOADABLE_IMAGE_TYPES } from './media';
import type { PlatformRules } from './types';

export const instagramRules: PlatformRules = {
  platform: 'instagram',
  label: 'Instagram',
  // Instagram Platform, IG User Media reference: a caption is at most 2,200 characters. Counted in
  // UTF-16 code units (an emoji counts 2), the stricter reading of "characters".
  limit: 2_200,
  countingNote: 'characters; an emoji counts as 2',
  // Links in captions are plain text on Instagram, so the signpost there gives the phone number
  // and points to the link in the account's bio.
  linksClickable: false,
  linkText: 'url',
  media: {
    // Content Publishing guide: a carousel holds up to 10 items; image specification: at most
    // 8 MB, JPEG only (the media pipeline converts PNG and WebP), width up to 1440 px.
    maxImages: 10,
    maxBytes: 8_000_000,
    mimeTypes: UPLOADABLE_IMAGE_TYPES,
    // The API publishes media with a caption, never a caption alone.
    requiresImage: true,
    maxDimension: 1440,
  },
  count: (text) => text.length,
};
