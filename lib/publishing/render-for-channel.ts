// A message rendered for one channel: its platform's override if it has one, placeholders filled
// for the channel's organisation, the current signpost in that platform's wording, and checked
// as it will be sent. The one function behind the API's preview, scheduling and publishing, so
// what a person previews is what is scheduled and what goes out, and a signpost change reaches
// every post not yet published.
import { textFor } from '../messages/compose-preview';
import { MessageOverrides } from '../messages/message-schemas';
import type { MediaFacts, Platform, Publisher, RenderedPost, Signpost } from '../platforms/types';
import { renderPost } from '../signpost/render-post';
import { verifySignpost } from '../signpost/verify-signpost';

export interface MessageForRendering {
  body: string;
  /** As stored: { [platform]: text }. */
  overrides: unknown;
}

export interface RenderForChannelInput {
  message: MessageForRendering;
  platform: Platform;
  organisation: Publisher;
  campaignSlug: string;
  signpost: Signpost;
  media: MediaFacts[];
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

function render(input: RenderForChannelInput): RenderedPost {
  return renderPost(input.platform, {
    // The same choice of text as the composer's and the API's previews: what people saw is
    // what goes out.
    body: textFor(
      { body: input.message.body, overrides: MessageOverrides.parse(input.message.overrides) },
      input.platform,
    ),
    organisation: input.organisation,
    campaignSlug: input.campaignSlug,
    signpost: input.signpost,
    media: input.media,
  });
}
