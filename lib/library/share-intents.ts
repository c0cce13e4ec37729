// "Share without connecting": where each platform lets a person post from a link of its own,
// with the text filled in where the platform allows it. Data, not branches: a platform's entry
// says how its composer is opened. These are links to the platforms, never through Signpost, and
// the helpline link inside the text is the signpost's own. Pure: it runs in the browser too.
import type { Platform } from '../platforms/types';

export type ShareIntent =
  /** The platform's composer opens with the text in it. */
  | { kind: 'prefilled'; url: string }
  /** No pre-filled text (Facebook, Instagram…): copy the text, then open the platform. */
  | { kind: 'copy_then_open'; url: string }
  /** Mastodon: every server has its own composer; the person names theirs once. */
  | { kind: 'needs_instance' };

type IntentRule =
  | { kind: 'prefilled'; base: string; textParameter: string }
  | { kind: 'copy_then_open'; url: string }
  | { kind: 'instance'; path: string; textParameter: string };

export const SHARE_INTENTS: Record<Platform, IntentRule> = {
  x: { kind: 'prefilled', base: 'https://x.com/intent/post', textParameter: 'text' },
  linkedin: {
    kind: 'prefilled',
    base: 'https://www.linkedin.com/feed/?shareActive=true',
    textParameter: 'text',
  },
  bluesky: { kind: 'prefilled', base: 'https://bsky.app/intent/compose', textParameter: 'text' },
  threads: {
    kind: 'prefilled',
    base: 'https://www.threads.net/intent/post',
    textParameter: 'text',
  },
  mastodon: { kind: 'instance', path: '/share', textParameter: 'text' },
  facebook: { kind: 'copy_then_open', url: 'https://www.facebook.com/' },
  instagram: { kind: 'copy_then_open', url: 'https://www.instagram.com/' },
  nextdoor: { kind: 'copy_then_open', url: 'https://nextdoor.co.uk/news_feed/' },
};

/** A Mastodon server as a person types it ("mastodon.social", "https://toot.wales/"), or null. */
export function parseInstance(value: string): string | null {
  const trimmed = value
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/+$/, '');
  if (trimmed.length === 0 || trimmed.length > 253) return null;
  // A host name: labels of letters, digits and hyphens, at least one dot; nothing else (no path,
  // no credentials, no port tricks).
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(trimmed))
    return null;
  return trimmed.toLowerCase();
}

function withText(base: string, parameter: string, text: string): string {
  const url = new URL(base);
  url.searchParams.set(parameter, text);
  return url.toString();
}

export function shareIntent(
  platform: Platform,
  text: string,
  instance?: string | null,
): ShareIntent {
  const rule = SHARE_INTENTS[platform];
  if (rule.kind === 'prefilled')
    return { kind: 'prefilled', url: withText(rule.base, rule.textParameter, text) };
  if (rule.kind === 'copy_then_open') return { kind: 'copy_then_open', url: rule.url };
  const host = instance ? parseInstance(instance) : null;
  if (!host) return { kind: 'needs_instance' };
  return {
    kind: 'prefilled',
    url: withText(`https://${host}${rule.path}`, rule.textParameter, text),
  };
}
