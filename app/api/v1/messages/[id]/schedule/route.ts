import { scheduleEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { scheduleMessage } from '@/lib/posts/schedule-message';

export const POST = handle(scheduleEndpoint, ({ actor, params, body }) =>
  scheduleMessage(actor, auditActor(actor), params.id, body),
);
