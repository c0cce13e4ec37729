import { removeBlackoutEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { removeBlackout } from '@/lib/pauses/blackouts';

export const DELETE = handle(removeBlackoutEndpoint, ({ actor, params }) =>
  removeBlackout(actor, auditActor(actor), params.id),
);
