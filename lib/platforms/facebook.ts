// A post on a Facebook Page, published through the Graph API's /{page-id}/feed and /photos.
import { UPLOADABLE_IMAGE_TYPES } from './media';
import type { PlatformRules } from './types';

export const facebookRules: PlatformRules = {
  platform: 'facebook',
  label: 'Facebook',
  // Facebook's documented maximum for a post's text is 63,206 characters. It does not say which
  // unit; we count UTF-16 code units (an emoji counts 2), which is never fewer than any other
  // reading, so a post that fits here fits there.
  limit: 63_206,
  countingNote: 'characters; an emoji counts as 2',
  linksClickable: true,
  linkText: 'url',
  media: {
    // Graph API Page Photos reference: photos should be under 4 MB. The API documents no maximum
    // number of photos in one post; 10 is our cap, the most Facebook's own composer lays out.
    maxImages: 10,
    maxBytes: 4_000_000,
    mimeTypes: UPLOADABLE_IMAGE_TYPES,
    requiresImage: false,
    // Facebook stores photos at up to 2048 px on the longest side and scales larger ones down.
    maxDimension: 2048,
  },
  count: (text) => text.length,
};
