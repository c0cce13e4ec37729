'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { serverAction, withArguments } from '@/app/(app)/action-result';
import { OrganisationSlug } from '@/lib/api/record-id';
import { auth } from '@/lib/auth/auth';
import { ACTIVE_ORGANISATION_COOKIE } from '@/lib/auth/session-actor';
import { notFound } from '@/lib/errors';

/** Ends the session, if there is one, and goes to the sign-in page. */
export const signOut = withArguments(
  z.tuple([]),
  () => undefined,
  async (): Promise<void> => {
    await auth.api.signOut({ headers: await headers() });
    (await cookies()).delete(ACTIVE_ORGANISATION_COOKIE);
    redirect('/sign-in');
  },
);

/** Remembers which of their organisations the person is acting for. */
export const chooseOrganisation = serverAction(
  z.tuple([OrganisationSlug.describe('organisation')]),
  async (actor, [slug]) => {
    if (!actor.memberships.some((membership) => membership.organisation.slug === slug))
      throw notFound('That organisation, among yours,');
    (await cookies()).set(ACTIVE_ORGANISATION_COOKIE, slug, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
    });
  },
  'Organisation switched.',
);
