// Where each platform's API lives, live and in the sandbox. Pure. The sandbox serves each platform
// at the root of a port of its own, as the real API is served at its host's root, so a platform's
// own client library works against it with nothing changed but its base URL.
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

/**
 * The sandbox's port for each platform, counted from the port of its control surface
 * (SANDBOX_URL): with the default 4010, X answers on 4011 and Nextdoor on 4018. One port per
 * platform rather than one host name each, because `*.localhost` names do not resolve everywhere.
 */
export const SANDBOX_PORT_OFFSETS: Record<Platform, number> = {
  x: 1,
  facebook: 2,
  instagram: 3,
  linkedin: 4,
  threads: 5,
  bluesky: 6,
  mastodon: 7,
  nextdoor: 8,
};

/** How many ports the sandbox takes: its control surface's and one per platform after it. */
export const SANDBOX_PORT_COUNT = 1 + Math.max(...Object.values(SANDBOX_PORT_OFFSETS));

export function liveBaseUrl(platform: Platform): string {
  return LIVE_BASE_URLS[platform];
}

/** The path a platform's API root has on its host: `/v23.0` for the Graph API, '' for most. */
export function apiRootPath(platform: Platform): string {
  return new URL(LIVE_BASE_URLS[platform]).pathname.replace(/\/+$/, '');
}

/**
 * The platform's API root in the sandbox whose control surface is at `sandboxUrl`: the same host,
 * the platform's own port, and the live root's path (so versioned APIs keep their version).
 */
export function sandboxBaseUrl(platform: Platform, sandboxUrl: string): string {
  const url = new URL(sandboxUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return `${url.protocol}//${url.hostname}:${port + SANDBOX_PORT_OFFSETS[platform]}${apiRootPath(platform)}`;
}
