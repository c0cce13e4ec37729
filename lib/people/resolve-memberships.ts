// Memberships as requested (organisation slugs) turned into rows: every organisation must exist
// and be active, or the request is refused naming the entry (`memberships.2.organisation`).
import type { Prisma } from '@/prisma/generated/client';
import { invalid } from '../errors';
import type { Memberships } from './person-view';

export async function resolveMemberships(
  tx: Prisma.TransactionClient,
  memberships: Memberships,
): Promise<{ organisationId: string; role: Memberships[number]['role']; slug: string }[]> {
  const found = await tx.organisation.findMany({
    where: { slug: { in: memberships.map((membership) => membership.organisation) } },
    select: { id: true, slug: true, active: true },
  });
  const bySlug = new Map(found.map((organisation) => [organisation.slug, organisation]));
  const fields: Record<string, string> = {};
  const resolved: { organisationId: string; role: Memberships[number]['role']; slug: string }[] =
    [];
  memberships.forEach((membership, index) => {
    const organisation = bySlug.get(membership.organisation);
    const field = `memberships.${index}.organisation`;
    if (!organisation) fields[field] = 'No organisation has this slug.';
    else if (!organisation.active) fields[field] = 'This organisation is deactivated.';
    else
      resolved.push({
        organisationId: organisation.id,
        role: membership.role,
        slug: organisation.slug,
      });
  });
  if (Object.keys(fields).length > 0)
    throw invalid('Some organisations cannot be given roles.', fields);
  return resolved;
}
