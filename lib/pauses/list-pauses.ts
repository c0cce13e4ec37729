// Pauses are safety information: everyone signed in sees them (the banner is on every page).
import { z } from 'zod';
import { db } from '../db';
import { activePauseWhere, PAUSE_VIEW_SELECT, toPauseView, type PauseView } from './pause-view';

export const PauseListQuery = z.object({
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PauseListQuery = z.infer<typeof PauseListQuery>;

export async function listPauses(
  query: PauseListQuery,
  now = new Date(),
): Promise<{ items: PauseView[]; nextCursor: null }> {
  const rows = await db.pause.findMany({
    where:
      query.active === true
        ? activePauseWhere(now)
        : query.active === false
          ? { NOT: activePauseWhere(now) }
          : {},
    select: PAUSE_VIEW_SELECT,
    orderBy: { startsAt: 'desc' },
    take: query.limit,
  });
  const creators = await db.user.findMany({
    where: { id: { in: rows.map((row) => row.createdById) } },
    select: { id: true, name: true },
  });
  const names = new Map(creators.map((user) => [user.id, user.name]));
  return {
    items: rows.map((row) => toPauseView(row, names.get(row.createdById) ?? 'someone', now)),
    nextCursor: null,
  };
}
