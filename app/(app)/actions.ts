'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '@/lib/auth/auth';
import { ACTIVE_ORGANISATION_COOKIE, requireActor } from '@/lib/auth/session-actor';

export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() });
  (await cookies()).delete(ACTIVE_ORGANISATION_COOKIE);
  redirect('/sign-in');
}

/** Remembers which of their organisations the person is acting for. */
export async function chooseOrganisation(slug: string): Promise<void> {
  const actor = await requireActor();
  if (!actor.memberships.some((membership) => membership.organisation.slug === slug)) return;
  (await cookies()).set(ACTIVE_ORGANISATION_COOKIE, slug, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
  });
}
