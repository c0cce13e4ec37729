// Everyone in Signpost, for administrators: by email, with their roles and whether they have
// accepted their invitation or been deactivated.
import { decodeCursor, type ListQuery, toPage } from '../api/pagination';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { z } from 'zod';
import { mustManagePeople } from './invite-person';
import { PERSON_SELECT, toPersonView } from './person-view';

const Cursor = z.object({ email: z.string() });

export async function listPeople(actor: Actor, query: ListQuery) {
  mustManagePeople(actor);
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await db.user.findMany({
    where: after ? { email: { gt: after.email } } : undefined,
    orderBy: { email: 'asc' },
    take: query.limit + 1,
    select: PERSON_SELECT,
  });
  const page = toPage(rows, query.limit, (row) => ({ email: row.email }));
  return { ...page, items: page.items.map(toPersonView) };
}
