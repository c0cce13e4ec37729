// The signpost website's address tagged for one post, so the charity's analytics can tell which
// platform, campaign and organisation sent each visitor — and nothing about the visitor. The link
// goes straight to the charity: never through Signpost, a shortener or a tracking pixel, and
// Signpost never records who clicked (the rule in full, and its check, in helpline-link.ts).
import type { Platform } from '../platforms/types';

export interface UrlTagging {
  platform: Platform;
  campaignSlug: string;
  organisationSlug: string;
}

export const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'] as const;
const UTM: ReadonlySet<string> = new Set(UTM_KEYS);
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const TRAILING_SLASHES = /\/+$/;
const PLUS = /\+/g;

/**
 * `baseUrl` with utm_source=<platform>, utm_medium=social, utm_campaign=<campaign slug> and
 * utm_content=<organisation slug>. The base's own query and fragment are kept as written (only
 * utm_ keys of ours are replaced), so a signpost URL that needs its own parameters keeps working.
 */
export function taggedUrl(baseUrl: string, tagging: UrlTagging): string {
  const url = new URL(baseUrl);
  const own = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !UTM.has(decodeKey(pair)));
  const tags = [
    ['utm_source', tagging.platform],
    ['utm_medium', 'social'],
    ['utm_campaign', tagging.campaignSlug],
    ['utm_content', tagging.organisationSlug],
  ].map(([key, value]) => `${key}=${encodeURIComponent(value ?? '')}`);
  url.search = `?${[...own, ...tags].join('&')}`;
  return url.href;
}

/**
 * The address `candidate` points at, ignoring its scheme, query and fragment, and a trailing
 * slash: "get-help.stopitnow.org.uk", "http://get-help.stopitnow.org.uk/?utm_source=x" and
 * "https://get-help.stopitnow.org.uk/" are all the same page. Null when it is not a URL.
 */
export function pageOf(candidate: string): string | null {
  const url = parseLoosely(candidate);
  if (!url) return null;
  return `${url.host}${url.pathname.replace(TRAILING_SLASHES, '')}`;
}

/**
 * The signpost link as the reader sees it where a platform's link text is short (Bluesky): the
 * page's address without scheme, query or trailing slash — "get-help.stopitnow.org.uk" — while
 * the link itself leads to the tagged URL.
 */
export function shortLinkText(url: string): string {
  return pageOf(url) ?? url;
}

/**
 * One spelling for a URL: scheme, page, sorted parameters and fragment. Two URLs with the same
 * identity lead to the same page with the same tagging, however they were typed. Null when
 * `candidate` is not a URL.
 */
export function urlIdentity(candidate: string): string | null {
  const url = parseLoosely(candidate);
  if (!url) return null;
  return `${url.protocol}//${url.host}${url.pathname.replace(TRAILING_SLASHES, '')}?${sortedParams(url)}${url.hash}`;
}

// Platforms link "get-help.stopitnow.org.uk" without a scheme, so it is read as https.
function parseLoosely(candidate: string): URL | null {
  const withScheme = HAS_SCHEME.test(candidate) ? candidate : `https://${candidate}`;
  try {
    return new URL(withScheme);
  } catch {
    // Not a URL at all: callers treat it as "not the signpost's address".
    return null;
  }
}

function sortedParams(url: URL): string {
  return [...url.searchParams]
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('&');
}

function decodeKey(pair: string): string {
  const key = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(key.replace(PLUS, ' '));
  } catch {
    // A malformed escape cannot be one of our keys; keep the pair as the base URL wrote it.
    return key;
  }
}
