// The registry of platform rules: shared code looks a platform's rules up here and never branches
// on a platform's name.
import { blueskyRules } from './bluesky';
import { facebookRules } from './facebook';
import { instagramRules } from './instagram';
import { linkedinRules } from './linkedin';
import { mastodonRules } from './mastodon';
import { nextdoorRules } from './nextdoor';
import { threadsRules } from './threads';
import type { Platform, PlatformRules } from './types';
import { xRules } from './x';

export const platformRules: Record<Platform, PlatformRules> = {
  x: xRules,
  facebook: facebookRules,
  instagram: instagramRules,
  linkedin: linkedinRules,
  threads: threadsRules,
  bluesky: blueskyRules,
  mastodon: mastodonRules,
  nextdoor: nextdoorRules,
};

export function rulesFor(platform: Platform): PlatformRules {
  return platformRules[platform];
}
