// One notification as the API, the bell and the notifications page show it.
import { z } from 'zod';

export const NotificationView = z
  .object({
    id: z.string(),
    /** One of NOTIFICATION_KINDS (lib/notifications/kinds.ts). */
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    /** A path in the app (`/messages/abc`): what the notification is about. */
    link: z.string(),
    /** How many events it stands for: a burst of held or failed posts is one notification. */
    count: z.number().int().min(1),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof NotificationView>;

export const NOTIFICATION_VIEW_SELECT = {
  id: true,
  kind: true,
  title: true,
  body: true,
  link: true,
  count: true,
  createdAt: true,
  readAt: true,
} as const;

interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  count: number;
  createdAt: Date;
  readAt: Date | null;
}

export function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    count: row.count,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
