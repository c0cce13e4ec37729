// Who a fan-out goes to when the request names nobody: every active force and regional unit in the
// database (a force that joins is included without a change of code), forces first, by name.
// Partners amplify by choosing to; they are never in a default.
import type { OrganisationKind } from '@/prisma/generated/enums';
import { db } from '../db';

export const FAN_OUT_KINDS = ['force', 'regional_unit'] as const satisfies OrganisationKind[];

const KIND_ORDER: readonly OrganisationKind[] = ['force', 'regional_unit', 'partner'];

/** Whether an organisation is in the default fan-out. */
export function inDefaultFanOut(organisation: { kind: OrganisationKind }): boolean {
  return (FAN_OUT_KINDS as readonly OrganisationKind[]).includes(organisation.kind);
}

/** Forces, then regional units, then partners; by name within each. */
export function compareOrganisations(
  a: { kind: OrganisationKind; name: string },
  b: { kind: OrganisationKind; name: string },
): number {
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'en-GB')
  );
}

export async function defaultFanOutOrganisations(): Promise<
  { id: string; slug: string; name: string; kind: OrganisationKind }[]
> {
  const organisations = await db.organisation.findMany({
    where: { kind: { in: [...FAN_OUT_KINDS] }, active: true },
    select: { id: true, slug: true, name: true, kind: true },
  });
  return organisations.sort(compareOrganisations);
}
