// The check every preview, schedule and publish runs on the exact text to be published: is the
// helpline signpost there, in a form that works on this platform?
import { findUrls } from '../platforms/links';
import { rulesFor } from '../platforms/rules';
import { utf8Length } from '../platforms/text-units';
import type { Platform, Problem, RenderedLink, Signpost } from '../platforms/types';
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

/** A post's text and its links, as rendering gives them: a RenderedPost will do. */
export interface PostText {
  text: string;
  /**
   * The links published with the text. Read only where the platform's link text is short
   * (Bluesky), where the signpost link exists only as one of these; elsewhere the links are
   * whatever the platform finds in the text, so the text is read.
   */
  links: readonly RenderedLink[];
}

/**
 * Whether the post carries the signpost for this platform: the helpline number always, and where
 * links are clickable, the signpost URL tagged for exactly this platform, campaign and
 * organisation. An old signpost URL, one tagged for another platform or organisation, or the bare
 * untagged URL does not count: the charity could not tell where help-seekers came from.
 *
 * Where the link text is short, the tagged URL must be a link's `url` over characters of the text
 * that name the signpost's website, at byte offsets that match them (the platform reads those);
 * the address written in the text without such a link does not count, as it leads nowhere.
 */
export function verifySignpost(
  post: PostText,
  platform: Platform,
  signpost: Signpost,
  context: SignpostContext,
): SignpostCheck {
  const { label, linksClickable, linkText } = rulesFor(platform);
  const problems: Problem[] = [];
  if (!containsPhone(post.text, signpost.phone)) {
    problems.push({
      code: 'signpost_phone_missing',
      message: `${label}: the helpline number ${signpost.phone} is missing.`,
    });
  }
  if (linksClickable) {
    const expected = taggedUrl(signpost.url, { platform, ...context });
    const page = pageOf(signpost.url);
    const links = linkText === 'short' ? placedLinks(post, page) : linksInText(post.text, page);
    const linkProblem = signpostLinkProblem(links, page, expected, label);
    if (linkProblem) problems.push(linkProblem);
  }
  return { ok: problems.length === 0, problems };
}

/** The URLs of the post's links that the reader sees as the signpost's website. */
function placedLinks(post: PostText, page: string | null): string[] {
  return post.links
    .filter(
      ({ start, end, byteStart, byteEnd }) =>
        page !== null &&
        start >= 0 &&
        start < end &&
        end <= post.text.length &&
        pageOf(post.text.slice(start, end)) === page &&
        byteStart === utf8Length(post.text, 0, start) &&
        byteEnd === byteStart + utf8Length(post.text, start, end),
    )
    .map(({ url }) => url);
}

/** The URLs written in the text, as typed. */
function linksInText(text: string, page: string | null): string[] {
  const host = page?.split('/', 1)[0] ?? '';
  // Most texts either carry the link or plainly lack it: skip scanning for URLs when the
  // website's host is nowhere in the text.
  return host && text.toLowerCase().includes(host) ? findUrls(text).map(({ url }) => url) : [];
}

function signpostLinkProblem(
  links: readonly string[],
  page: string | null,
  expected: string,
  label: string,
): Problem | null {
  const wanted = urlIdentity(expected);
  let otherTagging: string | null = null;
  for (const url of links) {
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
