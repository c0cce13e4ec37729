// Reviewers (campaign leads and comms officers) talk about a message beside it, at any stage:
// a question on a draft, a thank-you on an approved one.
import { type CurrentActor, auditActor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { assertReadable, assertRoleAllows } from './message-access';
import { commentInclude, toCommentView } from './message-records';
import type { CommentRequest, CommentView } from './message-schemas';

export async function commentOnMessage(
  actor: CurrentActor,
  messageId: string,
  request: CommentRequest,
): Promise<CommentView> {
  return db.$transaction(async (tx) => {
    const message = await tx.message.findUnique({
      where: { id: messageId },
      select: { authorId: true, shareable: true, status: true },
    });
    assertReadable(actor, message);
    assertRoleAllows(
      actor,
      'message.comment',
      'Only campaign leads and comms officers can comment on messages.',
    );
    const row = await tx.messageComment.create({
      data: { messageId, authorId: actor.userId, body: request.body },
      include: commentInclude,
    });
    const comment = toCommentView(row);
    // Filed under the message, so its history (edits, reviews, comments) reads as one story.
    await recordAudit(tx, auditActor(actor), {
      action: 'message.comment',
      entityId: messageId,
      after: { comment },
    });
    return comment;
  });
}
