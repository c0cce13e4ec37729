import { recordShareEndpoint } from '@/lib/api/endpoints/library';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { recordShare } from '@/lib/library/record-share';

export const POST = handle(recordShareEndpoint, ({ actor, params, body }) =>
  recordShare(actor, auditActor(actor), params.id, body),
);
