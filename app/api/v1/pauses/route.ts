import { createPauseEndpoint, listPausesEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { createPause } from '@/lib/pauses/create-pause';
import { listPauses } from '@/lib/pauses/list-pauses';

export const POST = handle(createPauseEndpoint, ({ actor, body }) =>
  createPause(actor, auditActor(actor), body),
);
export const GET = handle(listPausesEndpoint, ({ query }) => listPauses(query));
