// Invitation tokens: shown once (in the mail and to the administrator), stored only as SHA-256
// like API tokens, good for one use within 7 days. Pure.
import { createHash, randomBytes } from 'node:crypto';

export const INVITATION_LIFETIME_DAYS = 7;
const PREFIX = 'inv_';

export const hashInvitationToken = (token: string) =>
  createHash('sha256').update(token).digest('hex');

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export const invitationExpiry = (now: Date) =>
  new Date(now.getTime() + INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000);

export type InvitationState = 'valid' | 'used' | 'expired';

export function invitationState(
  invitation: { acceptedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return 'used';
  return invitation.expiresAt <= now ? 'expired' : 'valid';
}

export const inviteUrl = (appUrl: string, token: string) =>
  new URL(`/invite/${token}`, appUrl.endsWith('/') ? appUrl : `${appUrl}/`).toString();
