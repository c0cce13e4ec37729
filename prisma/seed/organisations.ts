import type { PrismaClient } from '../generated/client';
import { ORGANISATIONS } from '../seed-data';

/** Upserts the campaign's organisations; returns their ids by slug. */
export async function seedOrganisations(db: PrismaClient): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const organisation of ORGANISATIONS) {
    const row = await db.organisation.upsert({
      where: { slug: organisation.slug },
      update: {
        name: organisation.name,
        kind: organisation.kind,
        area: organisation.area,
        languages: organisation.languages ?? ['en'],
        nameCy: organisation.nameCy ?? null,
        areaCy: organisation.areaCy ?? null,
      },
      create: organisation,
      select: { id: true },
    });
    ids.set(organisation.slug, row.id);
  }
  return ids;
}
