// Demo users, named <role>@<org-slug>.example, all with DEMO_PASSWORD. Never in production.
import { hashPassword } from 'better-auth/crypto';
import type { PrismaClient } from '../generated/client';
import type { Role } from '../generated/enums';
import { FORCES, PARTNERS, REGIONAL_UNIT } from '../seed-data';

export interface DemoUser {
  email: string;
  name: string;
  memberships: { organisation: string; role: Role }[];
}

const rocu = REGIONAL_UNIT.slug;

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: `admin@${rocu}.example`,
    name: 'Adrian Price',
    memberships: [{ organisation: rocu, role: 'admin' }],
  },
  {
    email: `lead@${rocu}.example`,
    name: 'Leah Whitfield',
    memberships: [{ organisation: rocu, role: 'campaign_lead' }],
  },
  {
    email: `lead2@${rocu}.example`,
    name: 'Marcus Doyle',
    memberships: [{ organisation: rocu, role: 'campaign_lead' }],
  },
  ...[...FORCES, REGIONAL_UNIT].map((organisation) => ({
    email: `comms@${organisation.slug}.example`,
    name: `${organisation.area.replace(/^the /, '')} comms officer`,
    memberships: [{ organisation: organisation.slug, role: 'comms_officer' as const }],
  })),
  ...PARTNERS.map((organisation) => ({
    email: `partner@${organisation.slug}.example`,
    name: `${organisation.name} comms`,
    memberships: [{ organisation: organisation.slug, role: 'partner' as const }],
  })),
  {
    email: 'viewer@cumbria.example',
    name: 'Cumbria viewer',
    // Two memberships, so the organisation switch can be seen in the demo.
    memberships: [
      { organisation: 'cumbria', role: 'viewer' },
      { organisation: 'lancashire-county-council', role: 'viewer' },
    ],
  },
  {
    email: `viewer@${rocu}.example`,
    name: 'NW ROCU viewer',
    memberships: [{ organisation: rocu, role: 'viewer' }],
  },
];

export async function seedDemoUsers(
  db: PrismaClient,
  organisationIds: Map<string, string>,
  password: string,
) {
  const passwordHash = await hashPassword(password);
  for (const demo of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: demo.email },
      update: { name: demo.name },
      create: { email: demo.email, name: demo.name, emailVerified: true },
      select: { id: true },
    });
    const account = await db.account.findFirst({
      where: { userId: user.id, providerId: 'credential' },
    });
    if (account)
      await db.account.update({ where: { id: account.id }, data: { password: passwordHash } });
    else
      await db.account.create({
        data: {
          userId: user.id,
          providerId: 'credential',
          accountId: user.id,
          password: passwordHash,
        },
      });
    for (const membership of demo.memberships) {
      const organisationId = organisationIds.get(membership.organisation);
      if (!organisationId)
        throw new Error(`Unknown organisation ${membership.organisation} for ${demo.email}`);
      await db.membership.upsert({
        where: { userId_organisationId: { userId: user.id, organisationId } },
        update: { role: membership.role },
        create: { userId: user.id, organisationId, role: membership.role },
      });
    }
  }
  return DEMO_USERS.length;
}
