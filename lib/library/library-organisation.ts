// Whose library is asked for: an organisation the caller belongs to, or any organisation for
// those who schedule for every organisation (campaign leads). Anything else answers 404, so an
// organisation's existence does not leak.
import type { OrganisationKind } from '@/prisma/generated/enums';
import { type Actor, organisationScope } from '../auth/permissions';
import { db } from '../db';
import { notFound } from '../errors';

export interface LibraryOrganisation {
  id: string;
  slug: string;
  name: string;
  area: string;
  kind: OrganisationKind;
}

/** Whether the actor may open this organisation's library. Pure. */
export function mayOpenLibrary(actor: Actor, organisationId: string): boolean {
  if (actor.memberships.some((membership) => membership.organisationId === organisationId))
    return true;
  return organisationScope(actor, 'post.schedule') === 'all';
}

export async function libraryOrganisation(
  actor: Actor,
  slug: string,
): Promise<LibraryOrganisation> {
  const organisation = await db.organisation.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, area: true, kind: true },
  });
  if (!organisation || !mayOpenLibrary(actor, organisation.id)) throw notFound('Organisation');
  return organisation;
}
