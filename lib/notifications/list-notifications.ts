// A person's own notifications, a page at a time: newest first (the API's default), or unread
// first and then newest (the notifications page), with how many are unread for the bell. Only
// ever the caller's: every query carries their user id.
import { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { decodeCursor, ListQuery, toPage } from '../api/pagination';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { invalid } from '../errors';
import { NOTIFICATION_KIND_NAMES } from './kinds';
import {
  NOTIFICATION_VIEW_SELECT,
  type NotificationView,
  toNotificationView,
} from './notification-view';
import { countUnread } from './unread-count';

export const NOTIFICATION_ORDERS = ['newest', 'unread_first'] as const;

export const NotificationListQuery = ListQuery.extend({
  /** true: only unread ones; false: only read ones; absent: both. */
  unread: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  kind: z.enum(NOTIFICATION_KIND_NAMES, { error: 'is not a kind of notification' }).optional(),
  order: z.enum(NOTIFICATION_ORDERS, { error: 'must be newest or unread_first' }).default('newest'),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
  /** Unread notifications of the caller in all, whatever the filters: the bell's count. */
  unreadCount: number;
}

type Section = 'all' | 'unread' | 'read';

// The section the last item was in, and its sort key (newest first within a section).
const Cursor = z.object({
  section: z.enum(['all', 'unread', 'read']),
  at: z.iso.datetime(),
  id: z.string().min(1).max(100),
});

function sectionsFor(query: NotificationListQuery): Section[] {
  if (query.unread === true) return ['unread'];
  if (query.unread === false) return ['read'];
  return query.order === 'unread_first' ? ['unread', 'read'] : ['all'];
}

const READ_WHERE: Record<Section, Prisma.NotificationWhereInput> = {
  all: {},
  unread: { readAt: null },
  read: { readAt: { not: null } },
};

export async function listNotifications(
  actor: Actor,
  query: NotificationListQuery,
): Promise<NotificationPage> {
  const sections = sectionsFor(query);
  const after = decodeCursor(query.cursor, Cursor);
  const start = after ? sections.indexOf(after.section) : 0;
  // A cursor of another filter (a read one, given with unread=true) does not belong here.
  if (start < 0) {
    throw invalid('The cursor is not valid for these filters; start again without it.', {
      cursor: 'belongs to another filter of this list',
    });
  }
  const rows: (NotificationView & { section: Section })[] = [];
  for (const section of sections.slice(start)) {
    const from = after?.section === section ? after : undefined;
    const found = await db.notification.findMany({
      where: {
        userId: actor.userId,
        ...(query.kind ? { kind: query.kind } : {}),
        ...READ_WHERE[section],
        ...(from
          ? {
              OR: [
                { createdAt: { lt: new Date(from.at) } },
                { createdAt: new Date(from.at), id: { lt: from.id } },
              ],
            }
          : {}),
      },
      select: NOTIFICATION_VIEW_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1 - rows.length,
    });
    rows.push(...found.map((row) => ({ ...toNotificationView(row), section })));
    if (rows.length > query.limit) break;
  }
  const page = toPage(rows, query.limit, (row) => ({
    section: row.section,
    at: row.createdAt,
    id: row.id,
  }));
  return {
    items: page.items.map(({ section: _section, ...item }) => item),
    nextCursor: page.nextCursor,
    unreadCount: await countUnread(actor),
  };
}
