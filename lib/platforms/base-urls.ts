// Where each platform's API lives, live and in the sandbox. Pure: the sandbox serves each
// platform under the same prefix that `sandboxBaseUrl` gives the adapters.
import type { Platform } from './types';

/** The real API roots, without a trailing slash. The adapters append the documented paths. */
const LIVE_BASE_URLS: Record<Platform, string> = {
  x: 'https://api.x.com',
  facebook: 'https://graph.facebook.com/v23.0',
  // Instagram publishing with a Facebook Page token goes through the Facebook Graph API host.
  instagram: 'https://graph.facebook.com/v23.0',
  threads: 'https://graph.threads.net/v1.0',
  linkedin: 'https://api.linkedin.com',
  // The PDS that hosts the account; accounts on another PDS set the channel's own base URL.
  bluesky: 'https://bsky.social',
  // Mastodon has no central API: each channel on another instance sets its own base URL.
  mastodon: 'https://mastodon.social',
  // Nextdoor serves UK accounts from nextdoor.co.uk (nextdoor.com is the US host).
  nextdoor: 'https://nextdoor.co.uk',
};

/** The sandbox's prefix per platform: the version segment mirrors the live root. */
export const SANDBOX_PREFIXES: Record<Platform, string> = {
  x: '/x',
  facebook: '/facebook/v23.0',
  instagram: '/instagram/v23.0',
  threads: '/threads/v1.0',
  linkedin: '/linkedin',
  bluesky: '/bluesky',
  mastodon: '/mastodon',
  nextdoor: '/nextdoor',
};

export function liveBaseUrl(platform: Platform): string {
  return LIVE_BASE_URLS[platform];
}

export function sandboxBaseUrl(platform: Platform, sandboxUrl: string): string {
  return `${sandboxUrl.replace(/\/+$/, '')}${SANDBOX_PREFIXES[platform]}`;
}
