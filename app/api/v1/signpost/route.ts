import { signpostEndpoint } from '@/lib/api/endpoints/foundation';
import { handle } from '@/lib/api/handle';
import { currentSignpost } from '@/lib/signpost/signpost-store';

export const GET = handle(signpostEndpoint, () => currentSignpost());
