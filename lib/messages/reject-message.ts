// A campaign lead sends a message in review back to its author as a draft, saying why. The reason
// stays on the message (and in the audit log) until it is approved.
import { type CurrentActor, auditActor } from '../auth/actor';
import { can } from '../auth/permissions';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { conflict, forbidden } from '../errors';
import { assertReadable, assertRoleAllows } from './message-access';
import { lockMessage, messageInclude, toMessageView } from './message-records';
import type { MessageView, RejectRequest } from './message-schemas';
import { messageTransition } from './message-state';

export async function rejectMessage(
  actor: CurrentActor,
  messageId: string,
  request: RejectRequest,
): Promise<MessageView> {
  return db.$transaction(async (tx) => {
    const current = await lockMessage(tx, messageId);
    assertReadable(actor, current);
    assertRoleAllows(
      actor,
      'message.reject',
      'Only campaign leads can send a message back to draft.',
    );
    const transition = messageTransition(current.status, 'reject');
    if (!transition.ok) throw conflict(transition.reason);
    if (!can(actor, 'message.reject', { authorId: current.authorId })) {
      throw forbidden('You wrote this message, so someone else must review it.');
    }
    const row = await tx.message.update({
      where: { id: messageId },
      data: { status: transition.status, rejectionReason: request.reason },
      include: messageInclude,
    });
    const before = toMessageView(current);
    const after = toMessageView(row);
    await recordAudit(tx, auditActor(actor), {
      action: 'message.reject',
      entityId: messageId,
      before,
      after,
    });
    return after;
  });
}
