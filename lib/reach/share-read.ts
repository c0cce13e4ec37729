// What a partner's "I shared this" link lets Signpost read without any token (issue 11, point 2):
// a public Bluesky post (resolve the handle, then app.bsky.feed.getPosts on the public AppView) or
// a public Mastodon status (GET /api/v1/statuses/:id on its own server). Pure: hosts come in as an
// argument, so development and tests read the platform sandbox and production the real hosts.
import { sandboxBaseUrl } from '../platforms/base-urls';
import type { Platform } from '../platforms/types';

export type ShareRead =
  | { platform: 'bluesky'; actor: string; rkey: string }
  | { platform: 'mastodon'; host: string; id: string };

const HANDLE = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const DID = /^did:(plc|web):[a-zA-Z0-9._:%-]{1,253}$/;
// A record key (atproto's syntax): posts' are TIDs, 13 base32 characters.
const RKEY = /^(?!\.{1,2}$)[A-Za-z0-9._:~-]{1,512}$/;
const STATUS_ID = /^\d{1,20}$/;

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

/** What can be read from a share's link; null when nothing can (another platform, another form). */
export function shareRead(platform: Platform, value: string | null): ShareRead | null {
  if (value === null) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '')
    return null;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').slice(1);
  if (parts.at(-1) === '') parts.pop();
  if (platform === 'bluesky') {
    if (host !== 'bsky.app' && host !== 'www.bsky.app') return null;
    const [profile, actor, post, rkey] = parts.map(decoded);
    if (parts.length !== 4 || profile !== 'profile' || post !== 'post') return null;
    const who = DID.test(actor ?? '') ? (actor ?? '') : (actor ?? '').toLowerCase();
    if (!(HANDLE.test(who) || DID.test(who)) || !RKEY.test(rkey ?? '')) return null;
    return { platform: 'bluesky', actor: who, rkey: rkey ?? '' };
  }
  if (platform === 'mastodon') {
    if (!/^[a-z0-9.-]+\.[a-z]{2,63}$/.test(host)) return null;
    const [user, id] = parts;
    if (parts.length !== 2 || !/^@[A-Za-z0-9_]+(@[a-z0-9.-]+)?$/.test(user ?? '')) return null;
    if (!STATUS_ID.test(id ?? '')) return null;
    return { platform: 'mastodon', host, id: id ?? '' };
  }
  return null;
}

/** The public Bluesky AppView: it answers getPosts without a session. */
export const LIVE_BLUESKY_APPVIEW = 'https://public.api.bsky.app';

/**
 * Where public reads go: the real hosts when live; in the sandbox (development and tests) the
 * sandbox's Bluesky (which answers as the public AppView without a session) and its Mastodon
 * server for every instance, as channels without a base URL of their own do.
 */
export interface PublicReadHosts {
  bluesky: string;
  mastodon: (host: string) => string;
}

export function publicReadHosts(mode: 'sandbox' | 'live', sandboxUrl: string): PublicReadHosts {
  if (mode === 'live')
    return { bluesky: LIVE_BLUESKY_APPVIEW, mastodon: (host) => `https://${host}` };
  const bluesky = sandboxBaseUrl('bluesky', sandboxUrl);
  const mastodon = sandboxBaseUrl('mastodon', sandboxUrl);
  return { bluesky, mastodon: () => mastodon };
}
