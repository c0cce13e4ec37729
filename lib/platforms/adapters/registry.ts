// The adapters by platform, and the shape of each platform's channel credentials (for the seed
// and the Settings page to validate what they store). Shared code looks platforms up here.
import type { z } from 'zod';
import type { PlatformAdapter } from '../adapter';
import type { Platform } from '../types';
import { blueskyAdapter } from './bluesky';
import { blueskyCredentials } from './bluesky-session';
import { facebookAdapter, facebookCredentials } from './facebook';
import { instagramAdapter, instagramCredentials } from './instagram';
import { linkedinAdapter, linkedinCredentials } from './linkedin';
import { mastodonAdapter, mastodonCredentials } from './mastodon';
import { nextdoorAdapter, nextdoorCredentials } from './nextdoor';
import { threadsAdapter, threadsCredentials } from './threads';
import { xAdapter, xCredentials } from './x';

export const adapters: Record<Platform, PlatformAdapter> = {
  x: xAdapter,
  facebook: facebookAdapter,
  instagram: instagramAdapter,
  linkedin: linkedinAdapter,
  threads: threadsAdapter,
  bluesky: blueskyAdapter,
  mastodon: mastodonAdapter,
  nextdoor: nextdoorAdapter,
};

export const credentialsSchemas: Record<Platform, z.ZodType<Record<string, string>>> = {
  x: xCredentials,
  facebook: facebookCredentials,
  instagram: instagramCredentials,
  linkedin: linkedinCredentials,
  threads: threadsCredentials,
  bluesky: blueskyCredentials,
  mastodon: mastodonCredentials,
  nextdoor: nextdoorCredentials,
};
