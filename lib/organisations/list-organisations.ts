import { z } from 'zod';
import { db } from '../db';
import { decodeCursor, type ListQuery, toPage } from '../api/pagination';
import { languagesOf } from './organisation-languages';

export const OrganisationKind = z.enum(['force', 'regional_unit', 'partner']);

export const OrganisationSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: OrganisationKind,
    area: z.string(),
    /** Welsh and English (issue 13): ["en"], or ["cy", "en"]. */
    languages: z.array(z.enum(['cy', 'en'])),
    /** The Welsh name and area, for {organisation} and {area} in Welsh text. */
    nameCy: z.string().nullable(),
    areaCy: z.string().nullable(),
    /** A deactivated organisation publishes nothing and is offered in no picker. */
    active: z.boolean(),
  })
  .meta({ id: 'Organisation' });
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

const Cursor = z.object({ slug: z.string() });

export const ORGANISATION_SUMMARY = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  area: true,
  languages: true,
  nameCy: true,
  areaCy: true,
  active: true,
} as const;

/** Every organisation of the campaign: who takes part is not a secret between partners. */
export async function listOrganisations(query: ListQuery) {
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await db.organisation.findMany({
    where: after ? { slug: { gt: after.slug } } : undefined,
    orderBy: { slug: 'asc' },
    take: query.limit + 1,
    select: { ...ORGANISATION_SUMMARY },
  });
  return toPage(
    rows.map((row) => ({ ...row, languages: languagesOf(row.languages) })),
    query.limit,
    (row) => ({ slug: row.slug }),
  );
}
