// The check submit and approve run: the stored message, rendered with the current signpost for
// every organisation and with each platform's own copy of its images, refused with its problems
// in plain words.
import type { Prisma } from '@/prisma/generated/client';
import { AppError, conflict, type ErrorCode } from '../errors';
import { mediaFactsByPlatform } from '../media/media-facts';
import type { MediaFacts, Platform } from '../platforms/types';
import { toSignpost, toSignpostView } from '../signpost/signpost-store';
import { checkMessage, type MessageCheck } from './check-message';
import { attachedImagesOf, type MessageRecord } from './message-records';
import { MessageOverrides } from './message-schemas';
import { db } from '../db';

type Tx = Prisma.TransactionClient;

export interface ImagesForReview {
  /** Which images, with which alt text, the facts are of. */
  attached: string;
  facts: Record<Platform, MediaFacts[]>;
}

const describeAttached = (media: readonly { mediaId: string; altText: string }[]) =>
  JSON.stringify(media.map(({ mediaId, altText }) => [mediaId, altText]));

/**
 * Each platform's copy of the message's images, made before the transaction: the first check of
 * a large photo takes a second or so per platform, too long to hold the message locked.
 */
export async function imagesForReview(messageId: string): Promise<ImagesForReview> {
  const images = await attachedImagesOf(db, messageId);
  return {
    attached: describeAttached(
      images.map(({ altText, media }) => ({ mediaId: media.id, altText })),
    ),
    facts: await mediaFactsByPlatform(images),
  };
}

export async function reviewStoredMessage(
  tx: Tx,
  message: MessageRecord,
  images: ImagesForReview,
): Promise<MessageCheck> {
  if (describeAttached(message.media) !== images.attached) {
    throw conflict('The message’s images changed while it was being checked. Try again.');
  }
  // One after another: a transaction is one connection, so there is nothing to gain in parallel.
  const signpostRow = await tx.signpostVersion.findFirst({ orderBy: { version: 'desc' } });
  if (!signpostRow) {
    throw new AppError(
      'conflict',
      'No signpost has been set yet, so no message can be reviewed. A campaign lead must set one in Settings.',
    );
  }
  const organisations = await tx.organisation.findMany({
    select: { slug: true, name: true, area: true },
    orderBy: { slug: 'asc' },
  });
  const campaign = await tx.campaign.findUniqueOrThrow({
    where: { id: message.campaignId },
    select: { slug: true },
  });
  return checkMessage(
    {
      body: message.body,
      overrides: MessageOverrides.parse(message.overrides),
      media: images.facts,
      campaignSlug: campaign.slug,
    },
    toSignpost(toSignpostView(signpostRow)),
    organisations,
  );
}

/** Throws when the check found problems: `validation_failed` on submit, `conflict` on approve. */
export function refuseProblems(check: MessageCheck, code: ErrorCode, doing: string): void {
  if (check.ok) return;
  const fields: Record<string, string> = {};
  for (const problem of check.problems) {
    const known = fields[problem.field];
    fields[problem.field] = known ? `${known} ${problem.message}` : problem.message;
  }
  const list = check.problems.map((problem) => problem.message).join(' ');
  throw new AppError(code, `This message cannot be ${doing} yet: ${list}`, fields);
}
