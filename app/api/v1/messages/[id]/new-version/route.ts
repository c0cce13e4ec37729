import { newVersionEndpoint } from '@/lib/api/endpoints/messages';
import { handle } from '@/lib/api/handle';
import { newVersion } from '@/lib/messages/new-version';

export const POST = handle(newVersionEndpoint, ({ actor, params }) => newVersion(actor, params.id));
