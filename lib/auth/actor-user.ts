// What an actor is made of, read with the user: one select shared by the session path
// (actor.ts) and the API token path (api-tokens.ts reads it in the same query as the token).
import type { Prisma } from '@/prisma/generated/client';

export const ACTOR_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  /** Checked wherever an actor is built: a deactivated person is nobody from their next request. */
  active: true,
  memberships: {
    select: {
      organisationId: true,
      role: true,
      organisation: { select: { id: true, slug: true, name: true, kind: true } },
    },
    orderBy: { organisation: { name: 'asc' } },
  },
} satisfies Prisma.UserSelect;

export type ActorUser = Prisma.UserGetPayload<{ select: typeof ACTOR_USER_SELECT }>;
