// The submit-and-approve check, run without changing anything: what the Approvals page shows
// beside a message in review, and what the composer shows before its author submits.
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import type { MessageCheck } from './check-message';
import { assertReadable } from './message-access';
import { messageInclude } from './message-records';
import { imagesForReview, reviewStoredMessage } from './review-message';

export async function checkStoredMessage(actor: Actor, messageId: string): Promise<MessageCheck> {
  const images = await imagesForReview(messageId);
  return db.$transaction(async (tx) => {
    const message = await tx.message.findUnique({
      where: { id: messageId },
      include: messageInclude,
    });
    assertReadable(actor, message);
    return reviewStoredMessage(tx, message, images);
  });
}
