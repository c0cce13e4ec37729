import type { Platform } from '@/lib/platforms/types';

/** Just enough of each platform's look for people to find its card at a glance. */
export const PLATFORM_LOOK: Record<Platform, { accent: string; link: string; ink: string }> = {
  x: { accent: '#0f1419', link: '#1d9bf0', ink: '#ffffff' },
  facebook: { accent: '#1877f2', link: '#1877f2', ink: '#ffffff' },
  instagram: { accent: '#d62976', link: '#00376b', ink: '#ffffff' },
  linkedin: { accent: '#0a66c2', link: '#0a66c2', ink: '#ffffff' },
  threads: { accent: '#101010', link: '#0095f6', ink: '#ffffff' },
  bluesky: { accent: '#1185fe', link: '#1185fe', ink: '#ffffff' },
  mastodon: { accent: '#563acc', link: '#563acc', ink: '#ffffff' },
  nextdoor: { accent: '#1b8751', link: '#1b8751', ink: '#ffffff' },
};

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
