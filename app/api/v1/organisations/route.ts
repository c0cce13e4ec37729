import { createOrganisationEndpoint } from '@/lib/api/endpoints/administration';
import { organisationsEndpoint } from '@/lib/api/endpoints/foundation';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { listOrganisations } from '@/lib/organisations/list-organisations';
import { createOrganisation } from '@/lib/organisations/manage-organisation';

export const GET = handle(organisationsEndpoint, ({ query }) => listOrganisations(query));
export const POST = handle(createOrganisationEndpoint, ({ actor, body }) =>
  createOrganisation(actor, auditActor(actor), body),
);
