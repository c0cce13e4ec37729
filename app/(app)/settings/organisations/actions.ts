'use server';

import { z } from 'zod';
import { serverAction } from '@/app/(app)/action-result';
import { auditActor } from '@/lib/auth/actor';
import {
  createOrganisation,
  CreateOrganisationRequest,
  updateOrganisation,
  UpdateOrganisationRequest,
} from '@/lib/organisations/manage-organisation';
import { OrganisationSlug } from '@/lib/api/record-id';

export const createOrganisationAction = serverAction(
  z.tuple([CreateOrganisationRequest]),
  (actor, [request]) => createOrganisation(actor, auditActor(actor), request),
  (organisation) => `${organisation.name} added.`,
);

export const updateOrganisationAction = serverAction(
  z.tuple([OrganisationSlug.describe('slug'), UpdateOrganisationRequest]),
  (actor, [slug, request]) => updateOrganisation(actor, auditActor(actor), slug, request),
  ({ organisation, heldPosts }) =>
    !organisation.active
      ? `${organisation.name} deactivated. ${heldPosts === 1 ? 'One scheduled post is' : `${heldPosts} scheduled posts are`} held.`
      : `${organisation.name} saved.`,
);
