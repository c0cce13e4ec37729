import { libraryEndpoint } from '@/lib/api/endpoints/library';
import { handle } from '@/lib/api/handle';
import { listLibrary } from '@/lib/library/list-library';

export const GET = handle(libraryEndpoint, ({ actor, query }) => listLibrary(actor, query));
