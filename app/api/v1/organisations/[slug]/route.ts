import { updateOrganisationEndpoint } from '@/lib/api/endpoints/administration';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { updateOrganisation } from '@/lib/organisations/manage-organisation';

export const PATCH = handle(updateOrganisationEndpoint, ({ actor, params, body }) =>
  updateOrganisation(actor, auditActor(actor), params.slug, body),
);
