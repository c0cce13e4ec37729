import { z } from 'zod';
import { decodeCursor, type ListQuery, toPage } from '../api/pagination';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { assertReadable } from './message-access';
import { commentInclude, messageInclude, toCommentView, toMessageView } from './message-records';
import type { CommentView, MessageDetail } from './message-schemas';

/** One message with its comments, oldest first; 404 when the actor may not see it. */
export async function getMessage(actor: Actor, messageId: string): Promise<MessageDetail> {
  const row = await db.message.findUnique({
    where: { id: messageId },
    include: {
      ...messageInclude,
      comments: { include: commentInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  assertReadable(actor, row);
  const { comments, ...message } = row;
  return { ...toMessageView(message), comments: comments.map(toCommentView) };
}

const CommentCursor = z.object({ createdAt: z.iso.datetime(), id: z.string() });

/** A message's comments, oldest first, a page at a time. */
export async function listComments(
  actor: Actor,
  messageId: string,
  query: ListQuery,
): Promise<{ items: CommentView[]; nextCursor: string | null }> {
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: { authorId: true, shareable: true, status: true },
  });
  assertReadable(actor, message);
  const after = decodeCursor(query.cursor, CommentCursor);
  const afterAt = after ? new Date(after.createdAt) : undefined;
  const rows = await db.messageComment.findMany({
    where: {
      messageId,
      ...(after && afterAt
        ? { OR: [{ createdAt: { gt: afterAt } }, { createdAt: afterAt, id: { gt: after.id } }] }
        : {}),
    },
    include: commentInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: query.limit + 1,
  });
  return toPage(rows.map(toCommentView), query.limit, (comment) => ({
    createdAt: comment.createdAt,
    id: comment.id,
  }));
}
