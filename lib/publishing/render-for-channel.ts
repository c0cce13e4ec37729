// A message rendered for one channel: its platform's override if it has one, placeholders filled
// for the channel's organisation, the current signpost in that platform's wording, and checked
// as it will be sent. The one function behind the API's preview, scheduling and publishing, so
// what a person previews is what is scheduled and what goes out, and a signpost change reaches
// every post not yet published.
import { textFor } from '../messages/compose-preview';
import { MessageOverrides } from '../messages/message-schemas';
import type { MediaFacts, Platform, Publisher, RenderedPost, Signpost } from '../platforms/types';
import {
  type ChannelLanguage,
  type PostLanguage,
  renderBilingualPost,
} from '../signpost/render-bilingual';
import { renderPost } from '../signpost/render-post';
import { verifySignpost } from '../signpost/verify-signpost';

export interface MessageForRendering {
  body: string;
  /** As stored: { [platform]: text }. */
  overrides: unknown;
  /** The Welsh text and its overrides (issue 13); null or absent without Welsh. */
  bodyCy?: string | null;
  overridesCy?: unknown;
}

export interface RenderForChannelInput {
  message: MessageForRendering;
  platform: Platform;
  organisation: Publisher;
  campaignSlug: string;
  signpost: Signpost;
  media: MediaFacts[];
  /** The language of the post (issue 13); English when absent. */
  language?: PostLanguage;
}

/**
 * The rendered post with the signpost check's findings: valid only when it renders within the
 * platform's rules and carries the signpost as that platform needs it (text and links as sent;
 * on Bluesky the signpost link exists only as one of those links).
 */
export function renderForChannel(input: RenderForChannelInput): RenderedPost {
  const rendered = render(input);
  // A post that fails its own rules is reported on those; the signpost is checked on one that fits.
  if (!rendered.valid) return rendered;
  const check = verifySignpost(rendered, input.platform, input.signpost, {
    campaignSlug: input.campaignSlug,
    organisationSlug: input.organisation.slug,
  });
  return check.ok ? rendered : { ...rendered, valid: false, problems: check.problems };
}

const NO_WELSH = {
  code: 'welsh_missing',
  message: 'The message has no Welsh text, so this Welsh post cannot go out; add the Welsh text.',
};

function render(input: RenderForChannelInput): RenderedPost {
  const language = input.language ?? 'en';
  const common = {
    organisation: input.organisation,
    campaignSlug: input.campaignSlug,
    signpost: input.signpost,
    media: input.media,
  };
  // The same choice of text as the composer's and the API's previews: what people saw is
  // what goes out.
  const english = textFor(
    { body: input.message.body, overrides: MessageOverrides.parse(input.message.overrides) },
    input.platform,
  );
  if (language === 'en') return renderPost(input.platform, { ...common, body: english });
  const { bodyCy } = input.message;
  if (bodyCy == null) {
    const rendered = renderPost(input.platform, { ...common, body: english });
    return { ...rendered, valid: false, problems: [{ ...NO_WELSH }] };
  }
  const welsh = textFor(
    { body: bodyCy, overrides: MessageOverrides.parse(input.message.overridesCy ?? {}) },
    input.platform,
  );
  if (language === 'cy')
    return renderPost(input.platform, { ...common, body: welsh, language: 'cy' });
  return renderBilingualPost(input.platform, { ...common, bodyCy: welsh, bodyEn: english });
}

export interface LanguageRender {
  language: PostLanguage;
  rendered: RenderedPost;
}

/**
 * The posts a channel gets for a message (issue 13), in publishing order: its own language on an
 * English or a Welsh account; on a bilingual account one post, Welsh first, or where both do not
 * fit in one post on that platform, the Welsh post and then the English. A message without
 * Welsh goes out in English on a bilingual account (the organisation's rule refuses it first
 * where Welsh is required).
 */
export function renderForChannelLanguages(
  input: Omit<RenderForChannelInput, 'language'> & { channelLanguage: ChannelLanguage },
): LanguageRender[] {
  const { channelLanguage, ...rest } = input;
  const one = (language: PostLanguage): LanguageRender => ({
    language,
    rendered: renderForChannel({ ...rest, language }),
  });
  if (channelLanguage !== 'bilingual') return [one(channelLanguage)];
  if (rest.message.bodyCy == null) return [one('en')];
  const both = one('bilingual');
  if (both.rendered.valid || !both.rendered.problems.every((p) => p.code === 'too_long'))
    return [both];
  return [one('cy'), one('en')];
}
