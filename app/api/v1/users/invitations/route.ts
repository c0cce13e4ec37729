import { inviteUserEndpoint } from '@/lib/api/endpoints/administration';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { invitePerson } from '@/lib/people/invite-person';

export const POST = handle(inviteUserEndpoint, ({ actor, body }) =>
  invitePerson(actor, { ...auditActor(actor), name: actor.user.name }, body),
);
