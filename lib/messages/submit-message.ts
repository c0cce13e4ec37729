// The author sends their draft for review. It is rendered first, for every platform and
// organisation, and refused with its problems if it could not be published as it stands.
import { type CurrentActor, auditActor } from '../auth/actor';
import { can } from '../auth/permissions';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { conflict, forbidden } from '../errors';
import { assertReadable, assertRoleAllows } from './message-access';
import { campaignOfMessage } from './message-content';
import { lockMessage, messageInclude, toMessageView } from './message-records';
import type { ReviewedMessage } from './message-schemas';
import { messageTransition } from './message-state';
import { imagesForReview, refuseProblems, reviewStoredMessage } from './review-message';

export async function submitMessage(
  actor: CurrentActor,
  messageId: string,
  now: Date = new Date(),
): Promise<ReviewedMessage> {
  const images = await imagesForReview(messageId);
  return db.$transaction(async (tx) => {
    const current = await lockMessage(tx, messageId);
    assertReadable(actor, current);
    assertRoleAllows(actor, 'message.submit', 'Your role cannot submit messages for review.');
    const transition = messageTransition(current.status, 'submit');
    if (!transition.ok) throw conflict(transition.reason);
    if (!can(actor, 'message.submit', { authorId: current.authorId })) {
      throw forbidden(`Only the author (${current.author.name}) can submit this draft for review.`);
    }
    await campaignOfMessage(tx, current.campaignId);
    const check = await reviewStoredMessage(tx, current, images);
    refuseProblems(check, 'validation_failed', 'submitted');

    const row = await tx.message.update({
      where: { id: messageId },
      data: { status: transition.status, submittedAt: now },
      include: messageInclude,
    });
    const before = toMessageView(current);
    const after = toMessageView(row);
    await recordAudit(tx, auditActor(actor), {
      action: 'message.submit',
      entityId: messageId,
      before,
      after,
    });
    return { message: after, warnings: check.warnings };
  });
}
