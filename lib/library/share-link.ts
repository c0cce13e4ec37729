// The link to a partner's own post, as "I shared this" takes it: https, on that platform's own
// host (any host for Mastodon, whose servers are many), and of a sensible length. Pure; each
// failure is said in words for the `url` field.
import type { Platform } from '../platforms/types';

export const SHARE_URL_MAX_LENGTH = 500;

/** The hosts a post's link may be on, per platform; null: any host (Mastodon's servers). */
export const POST_HOSTS: Record<Platform, readonly string[] | null> = {
  x: ['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com'],
  facebook: ['facebook.com', 'm.facebook.com', 'fb.com', 'web.facebook.com'],
  instagram: ['instagram.com'],
  linkedin: ['linkedin.com', 'uk.linkedin.com'],
  threads: ['threads.net', 'threads.com'],
  bluesky: ['bsky.app'],
  mastodon: null,
  nextdoor: ['nextdoor.co.uk', 'nextdoor.com'],
};

export type ShareLinkCheck = { ok: true; url: string } | { ok: false; problem: string };

export function checkShareLink(platform: Platform, value: string): ShareLinkCheck {
  if (value.length > SHARE_URL_MAX_LENGTH)
    return { ok: false, problem: `must be at most ${SHARE_URL_MAX_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: 'must be a link (https://…) to your post' };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'must start with https://' };
  if (url.username !== '' || url.password !== '' || url.port !== '')
    return { ok: false, problem: 'must be a plain link to your post' };
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const hosts = POST_HOSTS[platform];
  if (hosts !== null && !hosts.includes(host))
    return { ok: false, problem: `must be a link on ${hosts[0]}` };
  if (hosts === null && !/^[a-z0-9.-]+\.[a-z]{2,63}$/.test(host))
    return { ok: false, problem: 'must be a link on your Mastodon server' };
  if (url.pathname === '/' || url.pathname === '')
    return { ok: false, problem: 'must be the link to your post, not to the site' };
  return { ok: true, url: url.toString() };
}
