// An administrator invites a person by email with a role per organisation. The person exists at
// once (so roles can be changed before they accept) but has no password until they follow the
// link. The link is answered to the administrator this once and emailed; a mail server that is
// down does not undo the invitation, since the administrator has the link to pass on.
import { z } from 'zod';
import type { AuditActor } from '../audit/record-audit';
import { recordAudit } from '../audit/record-audit';
import { type Actor, can } from '../auth/permissions';
import { db } from '../db';
import { isUniqueViolation } from '../db-errors';
import { env } from '../env';
import { AppError, forbidden } from '../errors';
import { log } from '../log';
import { describeMailError, type OutgoingMail, sendMail } from '../notifications/mail-transport';
import { renderInvitationMail } from './invitation-mail';
import { invitationExpiry, inviteUrl, newInvitationToken } from './invitation-token';
import { Memberships } from './person-view';
import { resolveMemberships } from './resolve-memberships';

export const InvitationRequest = z
  .strictObject({
    email: z.email('Enter an email address, such as name@lancashire.example.').max(320),
    name: z.string().trim().min(1, 'Enter the person’s name.').max(120),
    memberships: Memberships,
  })
  .meta({ id: 'InvitationRequest' });
export type InvitationRequest = z.infer<typeof InvitationRequest>;

export const Invitation = z
  .object({
    userId: z.string(),
    email: z.string(),
    /** Shown this once; only its hash is kept. */
    inviteUrl: z.string(),
    expiresAt: z.iso.datetime(),
    /** Whether the mail server took the invitation email. */
    emailed: z.boolean(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export function mustManagePeople(actor: Actor): void {
  if (!can(actor, 'user.manage'))
    throw forbidden('Only administrators can invite people or change their access.');
}

export async function invitePerson(
  actor: Actor,
  by: AuditActor & { name?: string },
  request: InvitationRequest,
  now = new Date(),
): Promise<Invitation> {
  mustManagePeople(actor);
  const email = request.email.trim().toLowerCase();
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry(now);
  let created: {
    userId: string;
    roles: { organisation: string; role: Memberships[number]['role'] }[];
  };
  try {
    created = await db.$transaction(async (tx) => {
      const memberships = await resolveMemberships(tx, request.memberships);
      const user = await tx.user.create({
        data: {
          email,
          name: request.name,
          memberships: {
            create: memberships.map(({ organisationId, role }) => ({ organisationId, role })),
          },
          invitations: { create: { tokenHash, expiresAt, createdById: actor.userId } },
        },
        select: {
          id: true,
          memberships: { select: { role: true, organisation: { select: { name: true } } } },
        },
      });
      await recordAudit(tx, by, {
        action: 'user.invited',
        entityId: user.id,
        after: {
          name: request.name,
          email,
          memberships: memberships.map(({ slug, role }) => ({ organisation: slug, role })),
          expiresAt,
        },
      });
      return {
        userId: user.id,
        roles: user.memberships.map((m) => ({ organisation: m.organisation.name, role: m.role })),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', `${email} already has a Signpost account.`, {
        email: 'Someone with this email is already in Signpost.',
      });
    throw error;
  }
  const link = inviteUrl(env().APP_URL, token);
  const emailed = await mailInvitation({
    to: { name: request.name, address: email },
    ...renderInvitationMail({
      name: request.name,
      invitedBy: by.name ?? by.label,
      link,
      roles: created.roles,
    }),
  });
  return {
    userId: created.userId,
    email,
    inviteUrl: link,
    expiresAt: expiresAt.toISOString(),
    emailed,
  };
}

async function mailInvitation(mail: OutgoingMail): Promise<boolean> {
  try {
    await sendMail(mail);
    return true;
  } catch (error) {
    log.warn(
      { reason: describeMailError(error) },
      'the invitation email could not be sent; the administrator has the link',
    );
    return false;
  }
}
