// How many of the person's notifications are unread: the bell's count, read on every page and
// polled while a tab is open, so it is one count on the (userId, readAt, createdAt) index.
import type { Actor } from '../auth/permissions';
import { db } from '../db';

export async function countUnread(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}
