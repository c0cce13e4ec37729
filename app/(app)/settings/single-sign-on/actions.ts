'use server';

import { z } from 'zod';
import { serverAction } from '@/app/(app)/action-result';
import { OrganisationSlug } from '@/lib/api/record-id';
import { auditActor } from '@/lib/auth/actor';
import { putSso, PutSsoRequest, removeSso } from '@/lib/sso/manage-sso';

export const saveSsoAction = serverAction(
  z.tuple([OrganisationSlug.describe('slug'), PutSsoRequest]),
  (actor, [slug, request]) => putSso(actor, auditActor(actor), slug, request),
  () => 'Single sign-on saved.',
);

export const removeSsoAction = serverAction(
  z.tuple([OrganisationSlug.describe('slug')]),
  (actor, [slug]) => removeSso(actor, auditActor(actor), slug),
  () => 'Single sign-on removed. Its members sign in with a password again.',
);
