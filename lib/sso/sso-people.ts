// Who an organisation's single sign-on signs in, and what they become. The plugin has verified
// the ID token (signature, issuer, audience, expiry); Signpost then checks its own nonce, that
// the organisation is active and that the email is one of its domains, and links the sign-in to
// the person who already has that email (an invited person, someone who used a password) unless
// they were deactivated. After the first sign-in the person is a member of the organisation at
// the role its administrator chose (just-in-time membership), any invitation they had is used up,
// and each step is in the audit log.
import type { SSOUserResolution, SSOUserResolutionInput } from '@better-auth/sso';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { env } from '../env';
import { log } from '../log';
import { emailInDomains, splitDomains } from './sso-domains';
import { currentCallbackState, nonceMatches } from './sso-nonce';

const reject = (code: string, message: string): SSOUserResolution => ({
  action: 'reject',
  code,
  message,
});

export async function resolveSsoUser(input: SSOUserResolutionInput): Promise<SSOUserResolution> {
  if (input.protocol !== 'oidc') return reject('unsupported_protocol', 'Only OpenID Connect.');
  const state = currentCallbackState();
  if (!state || !nonceMatches(input.verifiedIdTokenClaims.nonce, state, env().AUTH_SECRET))
    return reject('invalid_nonce', 'The ID token was not issued for this sign-in.');
  const provider = await db.ssoProvider.findUnique({
    where: { providerId: input.providerId },
    select: { domain: true, organisation: { select: { active: true } } },
  });
  if (!provider?.organisation.active)
    return reject('organisation_inactive', 'This organisation no longer uses Signpost.');
  const email = input.providerUser.email.trim().toLowerCase();
  if (!emailInDomains(email, splitDomains(provider.domain)))
    return reject('email_domain_not_allowed', 'That email is not in the organisation’s domains.');
  const person = await db.user.findUnique({ where: { email }, select: { id: true, active: true } });
  if (person && !person.active)
    return reject('account_deactivated', 'This person’s access has been taken away.');
  if (person) return { action: 'link', userId: person.id, profile: 'preserve' };
  return { action: 'continue' };
}

/** After every single sign-on sign-in (idempotent): membership, invitations, the audit log. */
export async function provisionSsoPerson(
  user: { id: string; email: string },
  providerId: string,
  now = new Date(),
): Promise<void> {
  const provider = await db.ssoProvider.findUnique({
    where: { providerId },
    select: { organizationId: true, defaultRole: true, organisation: { select: { slug: true } } },
  });
  if (!provider) {
    log.warn({ providerId }, 'single sign-on provider vanished during a sign-in');
    return;
  }
  const by = { userId: user.id, label: user.email };
  await db.$transaction(async (tx) => {
    const joined = await tx.membership.createManyAndReturn({
      data: [
        { userId: user.id, organisationId: provider.organizationId, role: provider.defaultRole },
      ],
      skipDuplicates: true,
      select: { role: true },
    });
    if (joined.length > 0)
      await recordAudit(tx, by, {
        action: 'user.sso_joined',
        entityId: user.id,
        organisationId: provider.organizationId,
        after: { organisation: provider.organisation.slug, role: provider.defaultRole },
      });
    const accepted = await tx.invitation.updateManyAndReturn({
      where: { userId: user.id, acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
      select: { id: true },
    });
    if (accepted.length > 0)
      await recordAudit(tx, by, {
        action: 'user.sso_invitation_accepted',
        entityId: user.id,
        organisationId: provider.organizationId,
      });
    await tx.user.update({ where: { id: user.id }, data: { emailVerified: true } });
    await recordAudit(tx, by, {
      action: 'user.signed_in',
      entityId: user.id,
      organisationId: provider.organizationId,
      after: { via: 'single sign-on', organisation: provider.organisation.slug },
    });
  });
}
