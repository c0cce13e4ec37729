import { updateUserEndpoint } from '@/lib/api/endpoints/administration';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { updatePerson } from '@/lib/people/update-person';

export const PATCH = handle(updateUserEndpoint, ({ actor, params, body }) =>
  updatePerson(actor, auditActor(actor), params.id, body),
);
