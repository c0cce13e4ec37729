'use server';

import { z } from 'zod';
import { serverAction } from '@/app/(app)/action-result';
import { RecordId } from '@/lib/api/record-id';
import { markRead, markUnread } from '@/lib/notifications/mark-read';

export type { ActionResult } from '@/app/(app)/action-result';

export const markNotificationReadAction = serverAction(
  z.tuple([RecordId.describe('notificationId')]),
  async (actor, [notificationId]) => void (await markRead(actor, { ids: [notificationId] })),
  'Marked read.',
);

export const markNotificationUnreadAction = serverAction(
  z.tuple([RecordId.describe('notificationId')]),
  async (actor, [notificationId]) => void (await markUnread(actor, [notificationId])),
  'Marked unread.',
);

export const markAllNotificationsReadAction = serverAction(
  z.tuple([]),
  async (actor) => markRead(actor, { all: true }),
  (count) =>
    count === 0
      ? 'Nothing was unread.'
      : `${count} notification${count === 1 ? '' : 's'} marked read.`,
);
