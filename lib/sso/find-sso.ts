// Which organisation's single sign-on an email belongs to, for the sign-in and invitation pages,
// and whether a person may still sign in with a password.
import { db } from '../db';
import { emailDomain, splitDomains } from './sso-domains';

export interface SsoChoice {
  providerId: string;
  organisationName: string;
  passwordSignIn: boolean;
}

/** The active organisation whose single sign-on answers for this email's domain, if any. */
export async function ssoForEmail(email: string): Promise<SsoChoice | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  // Few rows (one per organisation using SSO); the exact domain is matched in code.
  const providers = await db.ssoProvider.findMany({
    where: { domain: { contains: domain }, organisation: { active: true } },
    select: {
      providerId: true,
      domain: true,
      passwordSignIn: true,
      organisation: { select: { name: true } },
    },
  });
  const found = providers.find((provider) => splitDomains(provider.domain).includes(domain));
  return found
    ? {
        providerId: found.providerId,
        organisationName: found.organisation.name,
        passwordSignIn: found.passwordSignIn,
      }
    : null;
}

export const passwordOffMessage = (organisationName: string) =>
  `${organisationName} signs its people in through its own single sign-on, and password sign-in is turned off. Use “Sign in with ${organisationName}’s single sign-on”.`;

/**
 * Why this email may not sign in with a password, or null: its domain's organisation, or an
 * organisation the person belongs to, turned password sign-in off.
 */
export async function passwordSignInRefusal(email: string): Promise<string | null> {
  const byDomain = await ssoForEmail(email);
  if (byDomain && !byDomain.passwordSignIn) return passwordOffMessage(byDomain.organisationName);
  const membership = await db.membership.findFirst({
    where: {
      user: { email: email.trim().toLowerCase() },
      organisation: { active: true, ssoProvider: { passwordSignIn: false } },
    },
    select: { organisation: { select: { name: true } } },
  });
  return membership ? passwordOffMessage(membership.organisation.name) : null;
}
