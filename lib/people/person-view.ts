// A person as administrators see them: who, whether they may sign in, and their roles per
// organisation. Shared by the API and the People page.
import { z } from 'zod';
import { Role } from '../auth/permissions';
import { OrganisationKind } from '../organisations/list-organisations';
import { OrganisationSlug } from '../organisations/organisation-slug';

export const MembershipRequest = z.strictObject({
  organisation: OrganisationSlug.describe('The organisation’s slug'),
  role: Role,
});

/** One role per organisation, at least one organisation. */
export const Memberships = z
  .array(MembershipRequest)
  .min(1, 'Give the person a role in at least one organisation.')
  .max(100)
  .superRefine((memberships, context) => {
    const seen = new Set<string>();
    memberships.forEach((membership, index) => {
      if (seen.has(membership.organisation))
        context.addIssue({
          code: 'custom',
          path: [index, 'organisation'],
          message: 'One role per organisation: this organisation is listed twice.',
        });
      seen.add(membership.organisation);
    });
  });
export type Memberships = z.infer<typeof Memberships>;

export const PersonView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    active: z.boolean(),
    /** `invited`: has not set a password yet; `active`; `deactivated`. */
    status: z.enum(['invited', 'active', 'deactivated']),
    memberships: z.array(
      z.object({
        organisation: z.object({
          id: z.string(),
          slug: z.string(),
          name: z.string(),
          kind: OrganisationKind,
        }),
        role: Role,
      }),
    ),
  })
  .meta({ id: 'Person' });
export type PersonView = z.infer<typeof PersonView>;

export const PERSON_SELECT = {
  id: true,
  email: true,
  name: true,
  active: true,
  accounts: { select: { id: true }, take: 1 },
  memberships: {
    select: {
      role: true,
      organisation: { select: { id: true, slug: true, name: true, kind: true } },
    },
    orderBy: { organisation: { name: 'asc' } },
  },
} as const;

export function toPersonView(row: {
  id: string;
  email: string;
  name: string;
  active: boolean;
  accounts: { id: string }[];
  memberships: PersonView['memberships'];
}): PersonView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    active: row.active,
    status: !row.active ? 'deactivated' : row.accounts.length === 0 ? 'invited' : 'active',
    memberships: row.memberships,
  };
}
