import { signpostEndpoint } from '@/lib/api/endpoints/foundation';
import { updateSignpostEndpoint } from '@/lib/api/endpoints/signpost';
import { handle } from '@/lib/api/handle';
import { currentSignpost } from '@/lib/signpost/signpost-store';
import { updateSignpost } from '@/lib/signpost/update-signpost';

export const GET = handle(signpostEndpoint, () => currentSignpost());

export const PUT = handle(updateSignpostEndpoint, ({ actor, body }) => updateSignpost(actor, body));
