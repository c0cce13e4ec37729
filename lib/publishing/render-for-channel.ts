// A message rendered for one channel: its platform's override if it has one, placeholders filled
// for the channel's organisation, the current signpost in that platform's wording. Used when a
// post is scheduled and again when it is published, so a signpost change reaches every post not
// yet published.
import { textFor } from '../messages/compose-preview';
import { MessageOverrides } from '../messages/message-schemas';
import type { MediaFacts, Platform, Publisher, RenderedPost, Signpost } from '../platforms/types';
import { renderPost } from '../signpost/render-post';

export interface MessageForRendering {
  body: string;
  /** As stored: { [platform]: text }. */
  overrides: unknown;
}

export function renderForChannel(input: {
  message: MessageForRendering;
  platform: Platform;
  organisation: Publisher;
  campaignSlug: string;
  signpost: Signpost;
  media: MediaFacts[];
}): RenderedPost {
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
