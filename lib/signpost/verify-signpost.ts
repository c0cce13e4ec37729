// The check every preview, schedule and publish runs on the exact text to be published: is the
// helpline signpost there, in a form that works on this platform?
import { findUrls } from '../platforms/links';
import { rulesFor } from '../platforms/rules';
import type { Platform, Problem, Signpost } from '../platforms/types';
import { pageOf, taggedUrl, urlIdentity } from './tagged-url';

export interface SignpostContext {
  campaignSlug: string;
  organisationSlug: string;
}

export interface SignpostCheck {
  ok: boolean;
  problems: Problem[];
}

// Between the digits of a phone number people type spaces, dashes, dots, slashes and brackets:
// "0808 1000 900", "0808-1000-900", "(0808) 1000 900", "08081000900".
const DIGIT_SEPARATORS = '[\\s\\p{Pd}.()/]*';
const NON_DIGITS = /\D/g;
const phonePatterns = new Map<string, RegExp | null>();

/** True when the number's digits appear in the text, however they are spaced or punctuated. */
export function containsPhone(text: string, phone: string): boolean {
  let pattern = phonePatterns.get(phone);
  if (pattern === undefined) {
    const digits = phone.replace(NON_DIGITS, '');
    // Not inside a longer number: 0808 1000 9001 is someone else's line.
    pattern = digits
      ? new RegExp(`(?<!\\d)${[...digits].join(DIGIT_SEPARATORS)}(?!\\d)`, 'u')
      : null;
    phonePatterns.set(phone, pattern);
  }
  return pattern !== null && pattern.test(text);
}

/**
 * Whether `text` carries the signpost for this platform: the helpline number always, and where
 * links are clickable, the signpost URL tagged for exactly this platform, campaign and
 * organisation. An old signpost URL, one tagged for another platform or organisation, or the bare
 * untagged URL does not count: the charity could not tell where help-seekers came from.
 */
export function verifySignpost(
  text: string,
  platform: Platform,
  signpost: Signpost,
  context: SignpostContext,
): SignpostCheck {
  const { label, linksClickable } = rulesFor(platform);
  const problems: Problem[] = [];
  if (!containsPhone(text, signpost.phone)) {
    problems.push({
      code: 'signpost_phone_missing',
      message: `${label}: the helpline number ${signpost.phone} is missing.`,
    });
  }
  if (linksClickable) {
    const expected = taggedUrl(signpost.url, { platform, ...context });
    const linkProblem = signpostLinkProblem(text, signpost.url, expected, label);
    if (linkProblem) problems.push(linkProblem);
  }
  return { ok: problems.length === 0, problems };
}

function signpostLinkProblem(
  text: string,
  signpostUrl: string,
  expected: string,
  label: string,
): Problem | null {
  const page = pageOf(signpostUrl);
  const host = page?.split('/', 1)[0] ?? '';
  // Most texts either carry the link or plainly lack it: skip scanning for URLs when the
  // website's host is nowhere in the text.
  const found = host && text.toLowerCase().includes(host) ? findUrls(text) : [];
  const wanted = urlIdentity(expected);
  let otherTagging: string | null = null;
  for (const { url } of found) {
    if (urlIdentity(url) === wanted) return null;
    if (otherTagging === null && pageOf(url) === page) otherTagging = url;
  }
  if (otherTagging !== null) {
    return {
      code: 'signpost_url_wrong_tagging',
      message: `${label}: the signpost link ${otherTagging} is not tagged for this post; use ${expected}`,
    };
  }
  return {
    code: 'signpost_url_missing',
    message: `${label}: the signpost link is missing; add ${expected}`,
  };
}
