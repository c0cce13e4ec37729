// A message rendered for one platform and organisation: exactly the text that would be published,
// with the signpost, and every reason it cannot be published as it stands. The composer runs this
// for all eight platforms on every keystroke; the worker runs it again just before publishing.
//
// Never truncates and never drops the signpost: a post that does not fit is reported, with the
// exact overage, for a person to shorten.
//
// Where a platform's link text is short (Bluesky), the signpost link reads as the website's
// address and only `links` carries the tagged URL over it: the text and its links are one post.
import { findLinks, findUrls, type UrlInText } from '../platforms/links';
import { mediaProblems } from '../platforms/media';
import { rulesFor } from '../platforms/rules';
import { utf8Length } from '../platforms/text-units';
import type {
  Platform,
  PlatformRules,
  Problem,
  RenderInput,
  RenderedPost,
} from '../platforms/types';
import { fillPlaceholders, fillSignpostWording, unknownPlaceholderProblems } from './placeholders';
import { pageOf, shortLinkText, taggedUrl } from './tagged-url';
import { containsPhone, verifySignpost } from './verify-signpost';

type SignpostForm = RenderedPost['signpostForm'];

/** Text with the places rendering put the signpost link, each leading to the tagged URL. */
export interface Linked {
  text: string;
  signpostLinks: UrlInText[];
}

export interface Candidate extends Linked {
  form: SignpostForm;
}

const EMPTY_BODY: Problem = {
  code: 'empty_body',
  message: 'The message is empty; write it before the signpost is added.',
};

const numbers = new Intl.NumberFormat('en-GB');

const NO_WELSH_WORDING: Problem = {
  code: 'signpost_welsh_missing',
  message:
    'The signpost has no Welsh wording yet, so Welsh text cannot carry it; a campaign lead must add it in Settings.',
};

/** One language's text, ready to be measured: its candidates (in the order tried) and problems. */
export interface SignpostedText {
  candidates: Candidate[];
  problems: Problem[];
}

/**
 * The body with its placeholders filled for the language, and the signpost candidates: the body
 * alone where it already carries the signpost, else the body with the full and the short wording
 * of that language.
 */
export function signpostedText(platform: Platform, input: RenderInput): SignpostedText {
  const rules = rulesFor(platform);
  const { signpost, organisation, campaignSlug } = input;
  const language = input.language ?? 'en';
  const context = { campaignSlug, organisationSlug: organisation.slug };
  const url = taggedUrl(signpost.url, { platform, ...context });
  const short = rules.linkText === 'short';
  const linkText = short ? shortLinkText(signpost.url) : url;

  const filled = fillPlaceholders(input.body, organisation, language);
  // Where links are clickable, the signpost website in the body, however it was typed or tagged,
  // becomes this post's signpost link; elsewhere the body stays exactly as typed.
  const linked = rules.linksClickable
    ? withSignpostLinks(filled, signpost.url, linkText, url)
    : { text: filled, signpostLinks: [] };
  // Trailing white space only: no link ends in it, so the links' places still hold.
  const body: Linked = { ...linked, text: linked.text.trimEnd() };

  const problems: Problem[] = [];
  if (body.text.trim() === '') problems.push({ ...EMPTY_BODY });
  problems.push(...unknownPlaceholderProblems(input.body));

  // With short link text the bare address in the text is not a link; only a placed one counts.
  const bodyHasLink = short ? body.signpostLinks.length > 0 : body.text.includes(url);
  const carriesSignpost =
    containsPhone(body.text, signpost.phone) && (!rules.linksClickable || bodyHasLink);
  if (carriesSignpost) return { candidates: [{ form: 'in_body', ...body }], problems };
  const wordings = language === 'cy' ? signpost.wordingCy : signpost.wording;
  if (!wordings) {
    problems.push({ ...NO_WELSH_WORDING });
    return { candidates: [{ form: 'full', ...body }], problems };
  }
  const candidates = (['full', 'short'] as const).map((form) => {
    const wording = fillSignpostWording(wordings[platform][form], {
      helplineName: signpost.helplineName,
      phone: signpost.phone,
      url: linkText,
    });
    return { form, ...followedBy(body, wording.text, wording.urls, url) };
  });
  return { candidates, problems };
}

export function renderPost(platform: Platform, input: RenderInput): RenderedPost {
  const { candidates, problems } = signpostedText(platform, input);
  return finishRender(platform, input, candidates, problems);
}

/**
 * The first candidate that fits, measured, with every problem: the length, the media and the
 * signpost check on exactly the text that would be published.
 */
export function finishRender(
  platform: Platform,
  input: RenderInput,
  candidates: readonly Candidate[],
  problems: readonly Problem[],
): RenderedPost {
  const rules = rulesFor(platform);
  const context = { campaignSlug: input.campaignSlug, organisationSlug: input.organisation.slug };
  const chosen = firstThatFits(rules, candidates);
  // Platforms that link what the text says find every link in it; with short link text the
  // signpost links are where rendering put them.
  const links = findLinks(chosen.text, rules.linkText === 'short' ? chosen.signpostLinks : []);
  const all = [...problems, ...lengthProblems(rules, chosen), ...mediaProblems(rules, input.media)];
  all.push(
    ...verifySignpost({ text: chosen.text, links }, platform, input.signpost, context).problems,
  );
  return {
    platform,
    text: chosen.text,
    length: chosen.length,
    limit: rules.limit,
    valid: all.length === 0,
    problems: all,
    signpostForm: chosen.form,
    links,
  };
}

/**
 * The body with every link to the signpost's page replaced by `linkText` (the tagged URL, or the
 * short address where the platform links it through markup), and where each replacement is.
 */
function withSignpostLinks(
  body: string,
  signpostUrl: string,
  linkText: string,
  tagged: string,
): Linked {
  const page = pageOf(signpostUrl);
  const host = page?.split('/', 1)[0];
  if (!page || !host || !body.toLowerCase().includes(host))
    return { text: body, signpostLinks: [] };
  let text = '';
  let from = 0;
  const signpostLinks: UrlInText[] = [];
  for (const { url, start, end } of findUrls(body)) {
    if (pageOf(url) !== page) continue;
    text += body.slice(from, start);
    signpostLinks.push({ url: tagged, start: text.length, end: text.length + linkText.length });
    text += linkText;
    from = end;
  }
  return { text: text + body.slice(from), signpostLinks };
}

/** The body, a blank line and the signpost wording (the wording alone for an empty body). */
function followedBy(
  body: Linked,
  wording: string,
  wordingLinks: readonly { start: number; end: number }[],
  tagged: string,
): Linked {
  const offset = body.text === '' ? 0 : body.text.length + 2;
  return {
    text: body.text === '' ? wording : `${body.text}\n\n${wording}`,
    signpostLinks: [
      ...body.signpostLinks,
      ...wordingLinks.map(({ start, end }) => ({
        url: tagged,
        start: offset + start,
        end: offset + end,
      })),
    ],
  };
}

interface Measured extends Candidate {
  length: number;
  over: Overage[];
}

/** The first candidate within every limit or, when none is, the last (the shortest). */
export function firstThatFits(rules: PlatformRules, candidates: readonly Candidate[]): Measured {
  let measured: Measured = { form: 'in_body', text: '', signpostLinks: [], length: 0, over: [] };
  for (const candidate of candidates) {
    // Counting is the expensive part of rendering (X's weighting above all): once per candidate.
    const length = rules.count(candidate.text);
    measured = { ...candidate, length, over: overage(rules, candidate.text, length) };
    if (measured.over.length === 0) break;
  }
  return measured;
}

interface Overage {
  amount: number;
  noun: 'character' | 'byte';
  limit: string;
}

/** How far the text is over each of the platform's limits, if at all. */
function overage(rules: PlatformRules, text: string, length: number): Overage[] {
  const over: Overage[] = [];
  if (length > rules.limit) {
    over.push({
      amount: length - rules.limit,
      noun: 'character',
      limit: `${numbers.format(rules.limit)} limit`,
    });
  }
  if (rules.textByteLimit !== undefined) {
    const bytes = utf8Length(text);
    if (bytes > rules.textByteLimit) {
      over.push({
        amount: bytes - rules.textByteLimit,
        noun: 'byte',
        limit: `${numbers.format(rules.textByteLimit)}-byte limit`,
      });
    }
  }
  return over;
}

function lengthProblems(rules: PlatformRules, chosen: Measured): Problem[] {
  const even = chosen.form === 'short' ? ', even with the short signpost' : '';
  return chosen.over.map(({ amount, noun, limit }) => ({
    code: 'too_long',
    message: `${rules.label}: ${numbers.format(amount)} ${noun}${amount === 1 ? '' : 's'} over the ${limit}${even}`,
  }));
}
