// The invitation as an email: who invited the person, to which organisations, and the one link
// that lets them set a password. Pure; everything from the database is escaped.
import { escapeHtml, type MailContent } from '../notifications/render-mail';
import { ROLE_LABELS, type Role } from '../auth/permissions';
import { INVITATION_LIFETIME_DAYS } from './invitation-token';

export interface InvitationMail {
  name: string;
  invitedBy: string;
  link: string;
  roles: { organisation: string; role: Role }[];
}

export function renderInvitationMail(invitation: InvitationMail): MailContent {
  const subject = 'You have been invited to Signpost';
  const roles = invitation.roles.map(
    (entry) => `${ROLE_LABELS[entry.role]} for ${entry.organisation}`,
  );
  const expiry = `The link works once and for ${INVITATION_LIFETIME_DAYS} days. If you did not expect this invitation, ignore this email.`;
  const lines = [
    `Hello ${invitation.name},`,
    '',
    `${invitation.invitedBy} has invited you to Signpost, where the campaign's posts are planned and published.`,
    '',
    'Your roles:',
    ...roles.map((role) => `- ${role}`),
    '',
    `Set your password: ${invitation.link}`,
    '',
    expiry,
    '',
  ];
  const html = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1b1e;background:#ffffff">',
    '<div style="max-width:600px;margin:0 auto">',
    `<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escapeHtml(subject)}</h1>`,
    `<p style="margin:0 0 16px">Hello ${escapeHtml(invitation.name)},</p>`,
    `<p style="margin:0 0 16px">${escapeHtml(invitation.invitedBy)} has invited you to Signpost, where the campaign’s posts are planned and published.</p>`,
    `<p style="margin:0 0 8px">Your roles:</p>`,
    `<ul style="margin:0 0 16px">${roles.map((role) => `<li>${escapeHtml(role)}</li>`).join('')}</ul>`,
    `<p style="margin:24px 0"><a href="${escapeHtml(invitation.link)}" style="display:inline-block;padding:10px 18px;background:#1864ab;color:#ffffff;text-decoration:underline;border-radius:4px;font-weight:bold">Set your password</a></p>`,
    `<p style="font-size:14px;color:#495057;margin:0">${escapeHtml(expiry)}</p>`,
    '</div></body></html>',
  ].join('\n');
  return { subject, text: lines.join('\n'), html };
}
