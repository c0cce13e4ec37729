// The actor for server components and server actions (request headers from next/headers), and
// the organisation the person is acting for, remembered in a cookie.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { type CurrentActor, type MembershipWithOrganisation, actorFromHeaders } from './actor';

export const ACTIVE_ORGANISATION_COOKIE = 'signpost-organisation';

/** Once per request, however many components ask. */
export const currentActor = cache(async (): Promise<CurrentActor | null> =>
  actorFromHeaders(await headers()),
);

/** The actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<CurrentActor> {
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  return actor;
}

/** The membership the person is acting under: the one they chose, else their first. */
export async function activeMembership(
  actor: CurrentActor,
): Promise<MembershipWithOrganisation | null> {
  const chosen = (await cookies()).get(ACTIVE_ORGANISATION_COOKIE)?.value;
  return (
    actor.memberships.find((membership) => membership.organisation.slug === chosen) ??
    actor.memberships[0] ??
    null
  );
}
