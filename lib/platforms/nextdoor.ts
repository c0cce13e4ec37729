// A public agency post on Nextdoor, published through the Nextdoor Publish API.
import { UPLOADABLE_IMAGE_TYPES } from './media';
import type { PlatformRules } from './types';

export const nextdoorRules: PlatformRules = {
  platform: 'nextdoor',
  label: 'Nextdoor',
  // Nextdoor Publish API, agency post: body_text is at most 8,192 characters (the same cap the
  // Department for Transport's disruptions service validates agency posts against). Counted in
  // UTF-16 code units (an emoji counts 2), the stricter reading.
  limit: 8_192,
  countingNote: 'characters; an emoji counts as 2',
  linksClickable: true,
  linkText: 'url',
  media: {
    // The Publish API takes media as attachment URLs and documents no count or size cap; 10
    // images of up to 10 MB is our cap, what Nextdoor's own composer accepts.
    maxImages: 10,
    maxBytes: 10_000_000,
    mimeTypes: UPLOADABLE_IMAGE_TYPES,
    requiresImage: false,
    maxDimension: 2048,
  },
  count: (text) => text.length,
};
