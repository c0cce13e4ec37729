// The invited person sets their password: the token must be known, unused and within its 7 days,
// and the password must pass the policy. The invitation is used up in the same transaction that
// stores the password (a conditional update), so two tabs accepting at once set it once.
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { passwordProblems, PASSWORD_PROBLEMS } from '../auth/password-policy';
import { db } from '../db';
import { passwordSignInRefusal } from '../sso/find-sso';
import { conflict, invalid, notFound } from '../errors';
import { hashInvitationToken, invitationState } from './invitation-token';

export const AcceptInvitationRequest = z
  .strictObject({ password: z.string().min(1, 'Choose a password.').max(1000) })
  .meta({ id: 'AcceptInvitationRequest' });
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

export const AcceptedInvitation = z
  .object({ userId: z.string(), email: z.string() })
  .meta({ id: 'AcceptedInvitation' });

export const InvitationToken = z.string().min(1).max(200);

const USED =
  'This invitation has already been used. Sign in, or ask an administrator for a new one.';
const expired = (at: Date) =>
  `This invitation expired on ${at.toISOString().slice(0, 10)}. Ask an administrator for a new one.`;

/** The invitation behind a link, for the page: who it is for and whether it still works. */
export async function findInvitation(token: string, now = new Date()) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      acceptedAt: true,
      expiresAt: true,
      user: { select: { email: true, name: true, active: true } },
    },
  });
  if (!invitation || !invitation.user.active) return null;
  return {
    email: invitation.user.email,
    name: invitation.user.name,
    state: invitationState(invitation, now),
    expiresAt: invitation.expiresAt,
  };
}

export async function acceptInvitation(
  token: string,
  request: AcceptInvitationRequest,
  now = new Date(),
): Promise<z.infer<typeof AcceptedInvitation>> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      acceptedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, active: true } },
    },
  });
  if (!invitation || !invitation.user.active) throw notFound('That invitation');
  const state = invitationState(invitation, now);
  if (state === 'used') throw conflict(USED);
  if (state === 'expired') throw conflict(expired(invitation.expiresAt));
  // An organisation that turned passwords off: its people accept through single sign-on.
  const refusal = await passwordSignInRefusal(invitation.user.email);
  if (refusal) throw conflict(refusal);
  const [problem] = passwordProblems({
    password: request.password,
    email: invitation.user.email,
    name: invitation.user.name,
  });
  if (problem) throw invalid(PASSWORD_PROBLEMS[problem], { password: PASSWORD_PROBLEMS[problem] });
  const hash = await hashPassword(request.password);
  const { user } = invitation;
  await db.$transaction(async (tx) => {
    const used = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (used.count === 0) throw conflict(USED);
    // One credential per person: an earlier invitation may already have set one.
    const existing = await tx.account.findFirst({
      where: { userId: user.id, providerId: 'credential' },
      select: { id: true },
    });
    if (existing) await tx.account.update({ where: { id: existing.id }, data: { password: hash } });
    else
      await tx.account.create({
        data: { userId: user.id, accountId: user.id, providerId: 'credential', password: hash },
      });
    await tx.user.update({ where: { id: user.id }, data: { emailVerified: true } });
    await recordAudit(
      tx,
      { userId: user.id, label: user.email },
      { action: 'user.invitation_accepted', entityId: user.id, after: { name: user.name } },
    );
  });
  return { userId: user.id, email: user.email };
}
