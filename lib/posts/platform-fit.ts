// Which platforms a message cannot go on for the organisations that would publish it, and why
// ("Instagram cannot publish text alone; add an image."): each platform's copy rendered and checked
// for each organisation with a channel there, through the function scheduling itself uses, so the
// dialog never starts with a platform ticked that the server would refuse.
import { platformMediaFacts } from '../media/media-facts';
import { attachedImagesOf } from '../messages/message-records';
import { db } from '../db';
import type { Platform, Publisher } from '../platforms/types';
import { renderForChannel, type MessageForRendering } from '../publishing/render-for-channel';
import { currentSignpost, toSignpost } from '../signpost/signpost-store';

export type PlatformProblems = Partial<Record<Platform, string>>;

export async function platformProblems(input: {
  message: MessageForRendering & { id: string; campaignSlug: string };
  /** Each platform with the organisations that have a channel on it. */
  publishers: ReadonlyMap<Platform, readonly Publisher[]>;
}): Promise<PlatformProblems> {
  if (input.publishers.size === 0) return {};
  const [signpostView, images] = await Promise.all([
    currentSignpost(),
    attachedImagesOf(db, input.message.id),
  ]);
  const signpost = toSignpost(signpostView);
  const problems: PlatformProblems = {};
  await Promise.all(
    [...input.publishers].map(async ([platform, organisations]) => {
      const media = await platformMediaFacts(platform, images);
      for (const organisation of organisations) {
        const rendered = renderForChannel({
          message: input.message,
          platform,
          organisation,
          campaignSlug: input.message.campaignSlug,
          signpost,
          media,
        });
        const first = rendered.problems[0];
        if (!rendered.valid && first) {
          problems[platform] = first.message;
          return;
        }
      }
    }),
  );
  return problems;
}
