import { organisationsEndpoint } from '@/lib/api/endpoints/foundation';
import { handle } from '@/lib/api/handle';
import { listOrganisations } from '@/lib/organisations/list-organisations';

export const GET = handle(organisationsEndpoint, ({ query }) => listOrganisations(query));
