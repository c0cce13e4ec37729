// The composer's live preview: a draft as it would be published on all eight platforms, for one
// organisation. Pure and fast — it runs in the browser on every keystroke — and a thin wrapper
// over renderPost, so the preview can never disagree with what is published.
import {
  PLATFORMS,
  type MediaFacts,
  type Platform,
  type Publisher,
  type RenderedPost,
  type Signpost,
} from '../platforms/types';
import { renderPost } from '../signpost/render-post';

export type MessageMediaFacts =
  readonly MediaFacts[] | Partial<Record<Platform, readonly MediaFacts[]>>;

/** The facts of the images `platform` would receive. */
export function mediaOn(media: MessageMediaFacts | undefined, platform: Platform): MediaFacts[] {
  if (media === undefined) return [];
  return [...((isList(media) ? media : media[platform]) ?? [])];
}

function isList(media: MessageMediaFacts): media is readonly MediaFacts[] {
  return Array.isArray(media);
}

export interface ComposeDraft {
  body: string;
  /** The text for a platform instead of the body, where the author wrote one. */
  overrides?: Partial<Record<Platform, string>>;
  /**
   * The images: their upload facts (what the browser knows), or each platform's own copy's facts
   * (lib/media/media-facts.ts), which is what the server judges.
   */
  media?: MessageMediaFacts;
  /** The organisation whose channels the preview is for ({organisation}, {area}, utm_content). */
  organisation: Publisher;
  /** The campaign's slug, for utm_campaign. */
  campaignSlug: string;
  signpost: Signpost;
}

/** The text for `platform`: its override when there is one, or the body. */
export function textFor(
  draft: Pick<ComposeDraft, 'body' | 'overrides'>,
  platform: Platform,
): string {
  return draft.overrides?.[platform] ?? draft.body;
}

/** The draft rendered for every platform, in PLATFORMS order. */
export function composePreview(draft: ComposeDraft): Record<Platform, RenderedPost> {
  const rendered = {} as Record<Platform, RenderedPost>;
  for (const platform of PLATFORMS) {
    rendered[platform] = renderPost(platform, {
      body: textFor(draft, platform),
      organisation: draft.organisation,
      campaignSlug: draft.campaignSlug,
      signpost: draft.signpost,
      media: mediaOn(draft.media, platform),
    });
  }
  return rendered;
}
