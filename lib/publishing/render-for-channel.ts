// A message rendered for one channel: its platform's override if it has one, placeholders filled
// for the channel's organisation, the current signpost in that platform's wording. Used when a
// post is scheduled and again when it is published, so a signpost change reaches every post not
// yet published.
import { z } from 'zod';
import type { MediaFacts, Platform, Publisher, RenderedPost, Signpost } from '../platforms/types';
import { renderPost } from '../signpost/render-post';

const Overrides = z.record(z.string(), z.string());

export interface MessageForRendering {
  body: string;
  /** As stored: { [platform]: text }. */
  overrides: unknown;
}

export function bodyFor(message: MessageForRendering, platform: Platform): string {
  const overrides = Overrides.safeParse(message.overrides);
  const override = overrides.success ? overrides.data[platform] : undefined;
  return override !== undefined && override.trim() !== '' ? override : message.body;
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
    body: bodyFor(input.message, input.platform),
    organisation: input.organisation,
    campaignSlug: input.campaignSlug,
    signpost: input.signpost,
    media: input.media,
  });
}
