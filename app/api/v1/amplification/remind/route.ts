import { remindEndpoint } from '@/lib/api/endpoints/amplification';
import { handle } from '@/lib/api/handle';
import { remindPartner } from '@/lib/amplification/remind-partner';
import { auditActor } from '@/lib/auth/actor';

export const POST = handle(remindEndpoint, ({ actor, body }) =>
  remindPartner(actor, auditActor(actor), body),
);
