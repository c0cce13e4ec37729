import { z } from 'zod';
import { db } from '../db';
import { decodeCursor, type ListQuery, toPage } from '../api/pagination';

export const OrganisationKind = z.enum(['force', 'regional_unit', 'partner']);

export const OrganisationSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: OrganisationKind,
    area: z.string(),
    /** A deactivated organisation publishes nothing and is offered in no picker. */
    active: z.boolean(),
  })
  .meta({ id: 'Organisation' });
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

const Cursor = z.object({ slug: z.string() });

/** Every organisation of the campaign: who takes part is not a secret between partners. */
export async function listOrganisations(query: ListQuery) {
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await db.organisation.findMany({
    where: after ? { slug: { gt: after.slug } } : undefined,
    orderBy: { slug: 'asc' },
    take: query.limit + 1,
    select: { id: true, slug: true, name: true, kind: true, area: true, active: true },
  });
  return toPage(rows, query.limit, (row) => ({ slug: row.slug }));
}
