import { createBlackoutEndpoint, listBlackoutsEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { createBlackout, listBlackouts } from '@/lib/pauses/blackouts';

export const POST = handle(createBlackoutEndpoint, ({ actor, body }) =>
  createBlackout(actor, auditActor(actor), body),
);
export const GET = handle(listBlackoutsEndpoint, () => listBlackouts());
