// Every version of the signpost, newest first, with who made it: the settings page's history.
import { z } from 'zod';
import { decodeCursor, type ListQuery, toPage } from '../api/pagination';
import { type Actor, can } from '../auth/permissions';
import { db } from '../db';
import { forbidden } from '../errors';
import { SignpostView, toSignpostView } from './signpost-store';

export const SignpostHistoryEntry = SignpostView.extend({
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
}).meta({ id: 'SignpostHistoryEntry' });
export type SignpostHistoryEntry = z.infer<typeof SignpostHistoryEntry>;

const Cursor = z.object({ version: z.number().int() });

export async function listSignpostHistory(
  actor: Actor,
  query: ListQuery,
): Promise<{ items: SignpostHistoryEntry[]; nextCursor: string | null }> {
  if (!can(actor, 'signpost.read'))
    throw forbidden('Your account has no role that can see the signpost.');
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await db.signpostVersion.findMany({
    where: after ? { version: { lt: after.version } } : undefined,
    orderBy: { version: 'desc' },
    take: query.limit + 1,
  });
  const creatorIds = [
    ...new Set(rows.flatMap((row) => (row.createdById ? [row.createdById] : []))),
  ];
  const creators = new Map(
    (
      await db.user.findMany({
        where: { id: { in: creatorIds } },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user]),
  );
  const entries = rows.map((row) => ({
    ...toSignpostView(row),
    createdBy: row.createdById ? (creators.get(row.createdById) ?? null) : null,
  }));
  return toPage(entries, query.limit, (entry) => ({ version: entry.version }));
}
