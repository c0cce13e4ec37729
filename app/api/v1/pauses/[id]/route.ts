import { liftPauseEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { liftPause } from '@/lib/pauses/lift-pause';

export const DELETE = handle(liftPauseEndpoint, ({ actor, params }) =>
  liftPause(actor, auditActor(actor), params.id),
);
