import { listUsersEndpoint } from '@/lib/api/endpoints/administration';
import { handle } from '@/lib/api/handle';
import { listPeople } from '@/lib/people/list-people';

export const GET = handle(listUsersEndpoint, ({ actor, query }) => listPeople(actor, query));
