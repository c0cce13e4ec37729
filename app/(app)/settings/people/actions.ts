'use server';

import { z } from 'zod';
import { serverAction } from '@/app/(app)/action-result';
import { RecordId } from '@/lib/api/record-id';
import { auditActor } from '@/lib/auth/actor';
import { InvitationRequest, invitePerson } from '@/lib/people/invite-person';
import { updatePerson, UpdatePersonRequest } from '@/lib/people/update-person';

export const invitePersonAction = serverAction(
  z.tuple([InvitationRequest]),
  (actor, [request]) =>
    invitePerson(actor, { ...auditActor(actor), name: actor.user.name }, request),
  (invitation) =>
    invitation.emailed
      ? `Invitation emailed to ${invitation.email}.`
      : `The invitation email could not be sent: give ${invitation.email} the link yourself.`,
);

export const updatePersonAction = serverAction(
  z.tuple([RecordId.describe('userId'), UpdatePersonRequest]),
  (actor, [userId, request]) => updatePerson(actor, auditActor(actor), userId, request),
  ({ person, endedSessions, revokedTokens }) =>
    !person.active
      ? `${person.name} deactivated: ${endedSessions} session${endedSessions === 1 ? '' : 's'} ended, ${revokedTokens} API token${revokedTokens === 1 ? '' : 's'} revoked.`
      : `${person.name} saved.`,
);
