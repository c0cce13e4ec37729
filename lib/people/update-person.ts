// An administrator changes a person's roles or deactivates them. Both take effect on the
// person's very next request, since the actor is read from the database on every request
// (lib/auth/actor.ts); deactivating also deletes their sessions and revokes their API tokens in
// the same transaction, so nothing they hold works a moment later. An administrator cannot
// deactivate themselves or give up their own administrator role: someone must be left to undo it.
import { z } from 'zod';
import type { AuditActor } from '../audit/record-audit';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { conflict, notFound } from '../errors';
import { mustManagePeople } from './invite-person';
import { Memberships, PERSON_SELECT, PersonView, toPersonView } from './person-view';
import { resolveMemberships } from './resolve-memberships';

export const UpdatePersonRequest = z
  .strictObject({
    memberships: Memberships.optional(),
    active: z.boolean().optional(),
    // What GET answers, sent back: read-only, accepted and ignored (API.md).
    id: z.string().optional(),
    email: z.string().optional(),
    name: z.string().optional(),
    status: z.string().optional(),
  })
  .meta({ id: 'UpdatePersonRequest' });
export type UpdatePersonRequest = z.infer<typeof UpdatePersonRequest>;

export const PersonChange = z
  .object({
    person: PersonView,
    /** Deactivating: how many sessions ended and API tokens were revoked. */
    endedSessions: z.number().int(),
    revokedTokens: z.number().int(),
  })
  .meta({ id: 'PersonChange' });

const roleList = (memberships: PersonView['memberships']) =>
  memberships.map((membership) => ({
    organisation: membership.organisation.slug,
    role: membership.role,
  }));

export async function updatePerson(
  actor: Actor,
  by: AuditActor,
  userId: string,
  request: UpdatePersonRequest,
  now = new Date(),
) {
  mustManagePeople(actor);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
    if (!locked) throw notFound('That person');
    const before = toPersonView(
      await tx.user.findUniqueOrThrow({ where: { id: userId }, select: PERSON_SELECT }),
    );
    const self = userId === actor.userId;
    if (self && request.active === false)
      throw conflict('You cannot deactivate yourself: ask another administrator.');
    let endedSessions = 0;
    let revokedTokens = 0;
    if (request.memberships) {
      const memberships = await resolveMemberships(tx, request.memberships);
      if (self && !memberships.some((membership) => membership.role === 'admin'))
        throw conflict(
          'You cannot give up your own administrator role: ask another administrator.',
        );
      await tx.membership.deleteMany({ where: { userId } });
      await tx.membership.createMany({
        data: memberships.map(({ organisationId, role }) => ({ userId, organisationId, role })),
      });
      const after = memberships.map(({ slug, role }) => ({ organisation: slug, role }));
      if (JSON.stringify(after) !== JSON.stringify(roleList(before.memberships)))
        await recordAudit(tx, by, {
          action: 'user.roles_changed',
          entityId: userId,
          before: { name: before.name, memberships: roleList(before.memberships) },
          after: { name: before.name, memberships: after },
        });
    }
    if (request.active !== undefined && request.active !== before.active) {
      await tx.user.update({
        where: { id: userId },
        data: { active: request.active, deactivatedAt: request.active ? null : now },
      });
      if (!request.active) {
        endedSessions = (await tx.session.deleteMany({ where: { userId } })).count;
        revokedTokens = (
          await tx.apiToken.updateMany({
            where: { userId, revokedAt: null },
            data: { revokedAt: now },
          })
        ).count;
      }
      await recordAudit(tx, by, {
        action: request.active ? 'user.reactivated' : 'user.deactivated',
        entityId: userId,
        before: { name: before.name, active: before.active },
        after: {
          name: before.name,
          active: request.active,
          ...(request.active ? {} : { endedSessions, revokedTokens }),
        },
      });
    }
    const person = toPersonView(
      await tx.user.findUniqueOrThrow({ where: { id: userId }, select: PERSON_SELECT }),
    );
    return { person, endedSessions, revokedTokens };
  });
}
