import type { Platform } from '@/lib/platforms/types';
import { readableOn } from '../../theme';

type Look = { accent: string; link: string; ink: string };

/** Just enough of each platform's look for people to find its card at a glance. */
const BRAND_LOOK: Record<Platform, Look> = {
  x: { accent: '#0f1419', link: '#1d9bf0', ink: '#ffffff' },
  facebook: { accent: '#1877f2', link: '#1877f2', ink: '#ffffff' },
  instagram: { accent: '#d62976', link: '#00376b', ink: '#ffffff' },
  linkedin: { accent: '#0a66c2', link: '#0a66c2', ink: '#ffffff' },
  threads: { accent: '#101010', link: '#0095f6', ink: '#ffffff' },
  bluesky: { accent: '#1185fe', link: '#1185fe', ink: '#ffffff' },
  mastodon: { accent: '#563acc', link: '#563acc', ink: '#ffffff' },
  nextdoor: { accent: '#1b8751', link: '#1b8751', ink: '#ffffff' },
};

// Some brand colours are too light for white writing or for links on white (Facebook's and
// Bluesky's blues are 4.2 and 3.6:1, X's link blue 2.9:1): each is darkened just enough to read
// at 4.5:1, so the card still looks like its platform.
export const PLATFORM_LOOK = Object.fromEntries(
  Object.entries(BRAND_LOOK).map(([platform, look]) => [
    platform,
    {
      ...look,
      accent: readableOn(look.accent, [look.ink]),
      link: readableOn(look.link, ['#ffffff']),
    },
  ]),
) as Record<Platform, Look>;

export const SIGNPOST_FORM_WORDS = {
  full: 'Full signpost',
  short: 'Short signpost',
  in_body: 'Signpost already in the text',
} as const;

export const SIGNPOST_FORM_EXPLAIN = {
  full: 'The full helpline wording is added after the message.',
  short: 'The message is long, so the shorter helpline wording is added to make it fit.',
  in_body: 'The text already carries the helpline number, so nothing is added.',
} as const;

/** Green while comfortably within the limit, orange in the last tenth, red over it. */
export function counterColour(length: number, limit: number): 'green' | 'orange' | 'red' {
  if (length > limit) return 'red';
  if (length > limit * 0.9) return 'orange';
  return 'green';
}
