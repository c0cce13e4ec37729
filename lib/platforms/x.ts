// X (formerly Twitter). Counting is X's own: twitter-text is the library X publishes for it.
import twitter from 'twitter-text';
import { UPLOADABLE_IMAGE_TYPES } from './media';
import type { PlatformRules } from './types';

export const xRules: PlatformRules = {
  platform: 'x',
  label: 'X',
  // docs.x.com "Counting characters": 280 weighted characters; every URL is wrapped in t.co and
  // counts as 23 whatever its length; emoji and CJK characters weigh 2. parseTweet applies
  // exactly these weights (its default config is the v3 one X uses).
  limit: 280,
  countingNote:
    'characters as X weighs them: every link counts as 23, emoji and CJK characters as 2',
  linksClickable: true,
  linkText: 'url',
  media: {
    // docs.x.com media upload ("Media best practices"): up to 4 images a post, each up to 5 MB;
    // read as decimal megabytes, the stricter reading.
    maxImages: 4,
    maxBytes: 5_000_000,
    mimeTypes: UPLOADABLE_IMAGE_TYPES,
    requiresImage: false,
    // X shows images up to 4096 × 4096 and scales anything larger down itself.
    maxDimension: 4096,
  },
  count: (text) => twitter.parseTweet(text).weightedLength,
};
