// A message rendered for one platform and organisation: exactly the text that would be published,
// with the signpost, and every reason it cannot be published as it stands. The composer runs this
// for all eight platforms on every keystroke; the worker runs it again just before publishing.
//
// Never truncates and never drops the signpost: a post that does not fit is reported, with the
// exact overage, for a person to shorten.
import { findLinks, findUrls } from '../platforms/links';
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
import { fillPlaceholders, fillSignpostTemplate, unknownPlaceholderProblems } from './placeholders';
import { pageOf, taggedUrl } from './tagged-url';
import { containsPhone, verifySignpost } from './verify-signpost';

type SignpostForm = RenderedPost['signpostForm'];

interface Candidate {
  form: SignpostForm;
  text: string;
}

const EMPTY_BODY: Problem = {
  code: 'empty_body',
  message: 'The message is empty; write it before the signpost is added.',
};

const numbers = new Intl.NumberFormat('en-GB');

export function renderPost(platform: Platform, input: RenderInput): RenderedPost {
  const rules = rulesFor(platform);
  const { signpost, organisation, campaignSlug } = input;
  const context = { campaignSlug, organisationSlug: organisation.slug };
  const url = taggedUrl(signpost.url, { platform, ...context });

  const filled = fillPlaceholders(input.body, organisation);
  // Where links are clickable, the signpost website in the body, however it was typed or tagged,
  // becomes this post's tagged link; elsewhere the body stays exactly as typed.
  const body = (
    rules.linksClickable ? withTaggedSignpostLinks(filled, signpost.url, url) : filled
  ).trimEnd();

  const problems: Problem[] = [];
  if (body.trim() === '') problems.push({ ...EMPTY_BODY });
  problems.push(...unknownPlaceholderProblems(input.body));

  const carriesSignpost =
    containsPhone(body, signpost.phone) && (!rules.linksClickable || body.includes(url));
  const candidates: Candidate[] = carriesSignpost
    ? [{ form: 'in_body', text: body }]
    : (['full', 'short'] as const).map((form) => {
        const wording = fillSignpostTemplate(signpost.wording[platform][form], {
          helplineName: signpost.helplineName,
          phone: signpost.phone,
          url,
        });
        return { form, text: body === '' ? wording : `${body}\n\n${wording}` };
      });

  const chosen = firstThatFits(rules, candidates);
  problems.push(...lengthProblems(rules, chosen));
  problems.push(...mediaProblems(rules, input.media));
  problems.push(...verifySignpost(chosen.text, platform, signpost, context).problems);

  return {
    platform,
    text: chosen.text,
    length: chosen.length,
    limit: rules.limit,
    valid: problems.length === 0,
    problems,
    signpostForm: chosen.form,
    links: findLinks(chosen.text),
  };
}

/** The body with every link to the signpost's page replaced by `tagged`. */
function withTaggedSignpostLinks(body: string, signpostUrl: string, tagged: string): string {
  const page = pageOf(signpostUrl);
  const host = page?.split('/', 1)[0];
  if (!page || !host || !body.toLowerCase().includes(host)) return body;
  let result = '';
  let from = 0;
  for (const { url, start, end } of findUrls(body)) {
    if (pageOf(url) !== page) continue;
    result += body.slice(from, start) + tagged;
    from = end;
  }
  return result + body.slice(from);
}

interface Measured extends Candidate {
  length: number;
  over: Overage[];
}

/** The first candidate within every limit or, when none is, the last (the shortest). */
function firstThatFits(rules: PlatformRules, candidates: readonly Candidate[]): Measured {
  let measured: Measured = { form: 'in_body', text: '', length: 0, over: [] };
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
