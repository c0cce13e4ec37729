// Welsh and English in one post (issue 13): where an organisation is bound by the Welsh Language
// Standards, a bilingual account carries both texts in one post, Welsh first, each with the
// signpost in its own language; where both do not fit the platform's limit, the account gets two
// posts instead, Welsh first. Pure: the composer previews it on every keystroke and the worker
// renders it again before publishing.
import type { Platform, Problem, RenderInput, RenderedPost } from '../platforms/types';
import {
  type Candidate,
  finishRender,
  renderPost,
  type SignpostedText,
  signpostedText,
} from './render-post';
import { verifySignpost } from './verify-signpost';

/** What a channel carries: English, Welsh, or both in one post (a bilingual account). */
export type ChannelLanguage = 'en' | 'cy' | 'bilingual';
/** What one post carries. */
export type PostLanguage = 'en' | 'cy' | 'bilingual';

export interface BilingualInput extends Omit<RenderInput, 'body' | 'language'> {
  bodyCy: string;
  bodyEn: string;
}

export interface RenderedBilingual extends RenderedPost {
  /** Where the English begins in `text` (after the Welsh and a blank line). */
  englishStart: number;
}

const SEPARATOR = '\n\n';

const inLanguage = (label: string, problems: readonly Problem[]): Problem[] =>
  problems.map((problem) => ({ ...problem, message: `${label}: ${problem.message}` }));

/**
 * The Welsh and the English in one post, Welsh first, with the full signpost in both where it
 * fits, else the short one in both. Never drops either language's signpost: a post that does not
 * fit is reported too long, as every other render.
 */
export function renderBilingualPost(platform: Platform, input: BilingualInput): RenderedBilingual {
  const welsh = signpostedText(platform, { ...input, body: input.bodyCy, language: 'cy' });
  const english = signpostedText(platform, { ...input, body: input.bodyEn, language: 'en' });
  const pairs = pairCandidates(welsh, english);
  const problems = [
    ...inLanguage('Welsh', welsh.problems),
    ...inLanguage('English', english.problems),
  ];
  const rendered = finishRender(
    platform,
    { ...input, body: input.bodyEn },
    pairs.map((pair) => pair.joined),
    problems,
  );
  const chosen = pairs.find((pair) => pair.joined.text === rendered.text) ?? pairs.at(-1);
  const englishStart = chosen ? chosen.welsh.text.length + SEPARATOR.length : 0;
  const halves = chosen ? halfProblems(platform, input, rendered, englishStart) : [];
  const all = [...rendered.problems, ...halves];
  return { ...rendered, problems: all, valid: all.length === 0, englishStart };
}

interface Pair {
  welsh: Candidate;
  joined: Candidate;
}

/** Full with full, then short with short; a text that carries the signpost itself stays so. */
function pairCandidates(welsh: SignpostedText, english: SignpostedText): Pair[] {
  const count = Math.max(welsh.candidates.length, english.candidates.length);
  const pairs: Pair[] = [];
  for (let index = 0; index < count; index++) {
    const cy = welsh.candidates[Math.min(index, welsh.candidates.length - 1)];
    const en = english.candidates[Math.min(index, english.candidates.length - 1)];
    if (!cy || !en) continue;
    const offset = cy.text.length + SEPARATOR.length;
    pairs.push({
      welsh: cy,
      joined: {
        form: cy.form === 'in_body' ? en.form : cy.form,
        text: `${cy.text}${SEPARATOR}${en.text}`,
        signpostLinks: [
          ...cy.signpostLinks,
          ...en.signpostLinks.map((link) => ({
            ...link,
            start: link.start + offset,
            end: link.end + offset,
          })),
        ],
      },
    });
  }
  return pairs;
}

/** The signpost must be in the Welsh half and in the English half, not only somewhere. */
function halfProblems(
  platform: Platform,
  input: BilingualInput,
  rendered: RenderedPost,
  englishStart: number,
): Problem[] {
  const context = { campaignSlug: input.campaignSlug, organisationSlug: input.organisation.slug };
  const half = (from: number, to: number) => ({
    text: rendered.text.slice(from, to),
    links: rendered.links
      .filter((link) => link.start >= from && link.end <= to)
      .map((link) => ({
        ...link,
        start: link.start - from,
        end: link.end - from,
        byteStart: link.byteStart - byteOffset(rendered.text, from),
        byteEnd: link.byteEnd - byteOffset(rendered.text, from),
      })),
  });
  const welshEnd = englishStart - SEPARATOR.length;
  const welsh = verifySignpost(half(0, welshEnd), platform, input.signpost, context);
  const english = verifySignpost(
    half(englishStart, rendered.text.length),
    platform,
    input.signpost,
    context,
  );
  // Where the whole post lacks the signpost, rendering has said so already.
  const already = new Set(rendered.problems.map((problem) => problem.code));
  return [
    ...inLanguage(
      'In the Welsh',
      welsh.problems.filter((p) => !already.has(p.code)),
    ),
    ...inLanguage(
      'In the English',
      english.problems.filter((p) => !already.has(p.code)),
    ),
  ];
}

const encoder = new TextEncoder();
const byteOffset = (text: string, index: number) => encoder.encode(text.slice(0, index)).length;

export interface LanguagePost {
  language: PostLanguage;
  rendered: RenderedPost;
}

export interface LanguageTexts extends Omit<RenderInput, 'body' | 'language'> {
  bodyEn: string;
  /** Null when the message has no Welsh text. */
  bodyCy: string | null;
}

/**
 * The posts a channel gets for one message, in publishing order: English or Welsh alone on a
 * channel of that language; on a bilingual account one post, Welsh first, or — where both do not
 * fit in one post — the Welsh post and then the English one.
 */
export function postsForChannel(
  platform: Platform,
  channelLanguage: ChannelLanguage,
  texts: LanguageTexts,
): LanguagePost[] {
  const { bodyEn, bodyCy, ...rest } = texts;
  const english = (): LanguagePost => ({
    language: 'en',
    rendered: renderPost(platform, { ...rest, body: bodyEn, language: 'en' }),
  });
  const welsh = (body: string): LanguagePost => ({
    language: 'cy',
    rendered: renderPost(platform, { ...rest, body, language: 'cy' }),
  });
  if (channelLanguage === 'en' || bodyCy === null) return [english()];
  if (channelLanguage === 'cy') return [welsh(bodyCy)];
  const both = renderBilingualPost(platform, { ...rest, bodyCy, bodyEn });
  if (both.valid || !both.problems.every((problem) => problem.code === 'too_long'))
    return [{ language: 'bilingual', rendered: both }];
  return [welsh(bodyCy), english()];
}
