// Four eyes: a campaign lead who did not write the message approves it. It is rendered again
// first, with the signpost as it is now — the signpost may have changed since it was submitted.
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

export const OWN_MESSAGE_REFUSAL = 'You wrote this message, so someone else must approve it.';

export async function approveMessage(
  actor: CurrentActor,
  messageId: string,
  now: Date = new Date(),
): Promise<ReviewedMessage> {
  const images = await imagesForReview(messageId);
  return db.$transaction(async (tx) => {
    const current = await lockMessage(tx, messageId);
    assertReadable(actor, current);
    assertRoleAllows(actor, 'message.approve', 'Only campaign leads can approve messages.');
    const transition = messageTransition(current.status, 'approve');
    if (!transition.ok) throw conflict(transition.reason);
    if (!can(actor, 'message.approve', { authorId: current.authorId }))
      throw forbidden(OWN_MESSAGE_REFUSAL);
    await campaignOfMessage(tx, current.campaignId);
    const check = await reviewStoredMessage(tx, current, images);
    refuseProblems(check, 'conflict', 'approved');

    const row = await tx.message.update({
      where: { id: messageId },
      data: {
        status: transition.status,
        approverId: actor.userId,
        approvedAt: now,
        rejectionReason: null,
      },
      include: messageInclude,
    });
    const before = toMessageView(current);
    const after = toMessageView(row);
    await recordAudit(tx, auditActor(actor), {
      action: 'message.approve',
      entityId: messageId,
      before,
      after,
    });
    return { message: after, warnings: check.warnings };
  });
}
