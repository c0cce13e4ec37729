// Marking one's own notifications read (some, or all) and unread again. Every update carries the
// caller's user id in its where: an id of someone else's notification matches nothing and is left
// as it was, and the answer is the same as for an id that does not exist, so it tells nothing.
// Not audited: whether a person has read their own notification is their inbox, not a change to
// the campaign (an audit row per click would drown the log the leads read).
import { z } from 'zod';
import { RecordId } from '../api/record-id';
import type { Actor } from '../auth/permissions';
import { db } from '../db';

export const MAX_IDS_PER_REQUEST = 500;

export const MarkReadRequest = z
  .strictObject({
    ids: z
      .array(RecordId, { error: 'must be a list of notification ids' })
      .min(1, { error: 'must name at least one notification' })
      .max(MAX_IDS_PER_REQUEST, { error: `must name at most ${MAX_IDS_PER_REQUEST} notifications` })
      .optional(),
    all: z
      .literal(true, { error: 'must be true (to mark some read, send ids instead)' })
      .optional(),
  })
  .superRefine((request, context) => {
    if (request.ids === undefined && request.all === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['ids'],
        message: 'is required: the ids of the notifications to mark read, or else all: true',
      });
    }
    if (request.ids !== undefined && request.all !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['all'],
        message: 'cannot be sent with ids: send one or the other',
      });
    }
  });
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;

/** Marks them read; one already read keeps the time it was first read. Answers how many changed. */
export async function markRead(
  actor: Actor,
  request: MarkReadRequest,
  now = new Date(),
): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: {
      userId: actor.userId,
      readAt: null,
      ...(request.all ? {} : { id: { in: request.ids ?? [] } }),
    },
    data: { readAt: now },
  });
  return count;
}

/** Marks them unread again, to come back to later. Answers how many changed. */
export async function markUnread(actor: Actor, ids: readonly string[]): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.userId, id: { in: [...ids] }, readAt: { not: null } },
    data: { readAt: null },
  });
  return count;
}
