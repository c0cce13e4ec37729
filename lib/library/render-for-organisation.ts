// A library message rendered for one organisation on every platform: the same renderForChannel
// the composer's preview, scheduling and the publish worker run, with each platform's own copy of
// the images, so the text a partner copies or downloads is checked exactly as a post is.
import { platformMediaFacts, type AttachedImage } from '../media/media-facts';
import type { MessageForRendering } from '../publishing/render-for-channel';
import { renderForChannel } from '../publishing/render-for-channel';
import { PLATFORMS, type Platform, type Problem, type Signpost } from '../platforms/types';
import { imageCopy, missingImageMessage } from './image-copy';
import type { LibraryOrganisation } from './library-organisation';

export interface OrganisationRender {
  platform: Platform;
  /** Exactly what to post; empty when it may not be shared now (`problems` says why). */
  text: string;
  valid: boolean;
  problems: Problem[];
}

export interface RenderForOrganisationInput {
  message: MessageForRendering;
  /** The message's title, to name a missing image by. */
  title: string;
  campaignSlug: string;
  organisation: Pick<LibraryOrganisation, 'slug' | 'name' | 'area'>;
  signpost: Signpost;
  images: readonly AttachedImage[];
  /** Why nothing may go out for this organisation now (a blackout, a pause), or null. */
  heldReason: string | null;
}

export async function renderForOrganisation(
  input: RenderForOrganisationInput,
): Promise<Record<Platform, OrganisationRender>> {
  const entries = await Promise.all(
    PLATFORMS.map(async (platform): Promise<[Platform, OrganisationRender]> => {
      if (input.heldReason !== null) {
        // Inside a quiet period the text is not handed out at all: there is nothing to copy.
        return [
          platform,
          {
            platform,
            text: '',
            valid: false,
            problems: [{ code: 'quiet_period', message: input.heldReason }],
          },
        ];
      }
      const copies = await Promise.all(input.images.map(({ media }) => imageCopy(media, platform)));
      const missing = copies.findIndex((copy) => 'missing' in copy);
      if (missing >= 0) {
        const message = missingImageMessage(
          missing + 1,
          input.title,
          input.images[missing]!.media.id,
        );
        return [
          platform,
          { platform, text: '', valid: false, problems: [{ code: 'media_missing', message }] },
        ];
      }
      const media = await platformMediaFacts(platform, input.images);
      const rendered = renderForChannel({
        message: input.message,
        platform,
        organisation: input.organisation,
        campaignSlug: input.campaignSlug,
        signpost: input.signpost,
        media,
      });
      return [
        platform,
        {
          platform,
          // A text that fails the checks (too long, the signpost missing) is never handed out.
          text: rendered.valid ? rendered.text : '',
          valid: rendered.valid,
          problems: rendered.problems,
        },
      ];
    }),
  );
  return Object.fromEntries(entries) as Record<Platform, OrganisationRender>;
}
