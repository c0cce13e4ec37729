// Administrators set up an organisation's single sign-on (its OpenID Connect provider: issuer,
// client id and secret, the email domains it answers for), the role a person gets at their first
// sign-in, and whether its members may still use a password. The client secret is sealed before
// it is stored and never answered back. Each change is in the audit log, in one transaction.
import { z } from 'zod';
import type { AuditActor } from '../audit/record-audit';
import { recordAudit } from '../audit/record-audit';
import { type Actor, can, Role } from '../auth/permissions';
import { db } from '../db';
import { env } from '../env';
import { forbidden, invalid, notFound } from '../errors';
import { EmailDomain, joinDomains, splitDomains } from './sso-domains';
import { sealClientSecret } from './sso-secret';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An issuer is an https address (http only on this machine, for a local test provider). */
export const Issuer = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
      return (url.protocol === 'https:' || local) && !url.search && !url.hash && !url.username;
    } catch {
      return false;
    }
  }, 'Give the issuer’s https address, such as https://login.microsoftonline.com/<tenant>/v2.0.')
  .transform((value) => value.replace(/\/+$/, ''));

/** Who a first sign-in makes a person: never an administrator. */
export const SsoDefaultRole = Role.exclude(['admin']);

export const PutSsoRequest = z
  .strictObject({
    issuer: Issuer,
    clientId: z.string().trim().min(1, 'Give the application (client) id.').max(200),
    /** Needed the first time; left out, the stored secret is kept. */
    clientSecret: z.string().min(1, 'Give the client secret.').max(1000).optional(),
    domains: z
      .array(EmailDomain)
      .min(1, 'Give at least one email domain.')
      .max(20)
      .refine((domains) => new Set(domains).size === domains.length, 'A domain is given twice.'),
    defaultRole: SsoDefaultRole.default('viewer'),
    passwordSignIn: z.boolean().default(true),
  })
  .meta({ id: 'PutSsoRequest' });
export type PutSsoRequest = z.infer<typeof PutSsoRequest>;

export const SsoView = z
  .object({
    organisation: z.string(),
    providerId: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    domains: z.array(z.string()),
    defaultRole: SsoDefaultRole,
    passwordSignIn: z.boolean(),
    /** The redirect URI to register with the identity provider. */
    redirectUri: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SingleSignOn' });
export type SsoView = z.infer<typeof SsoView>;

export const redirectUriFor = (providerId: string) =>
  `${env().APP_URL.replace(/\/+$/, '')}/api/auth/sso/callback/${providerId}`;

const SELECT = {
  providerId: true,
  issuer: true,
  oidcConfig: true,
  domain: true,
  defaultRole: true,
  passwordSignIn: true,
  updatedAt: true,
} as const;

type Stored = {
  providerId: string;
  issuer: string;
  oidcConfig: string | null;
  domain: string;
  defaultRole: z.infer<typeof Role>;
  passwordSignIn: boolean;
  updatedAt: Date;
};

const StoredConfig = z.looseObject({ clientId: z.string(), clientSecret: z.string() });

function view(slug: string, row: Stored): SsoView {
  const config = StoredConfig.parse(JSON.parse(row.oidcConfig ?? '{}'));
  return {
    organisation: slug,
    providerId: row.providerId,
    issuer: row.issuer,
    clientId: config.clientId,
    domains: splitDomains(row.domain),
    defaultRole: row.defaultRole === 'admin' ? 'viewer' : row.defaultRole,
    passwordSignIn: row.passwordSignIn,
    redirectUri: redirectUriFor(row.providerId),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function mustManage(actor: Actor) {
  if (!can(actor, 'organisation.manage', { organisationId: null }))
    throw forbidden('Only administrators can set up single sign-on.');
}

async function organisationBySlug(slug: string) {
  const organisation = await db.organisation.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  if (!organisation) throw notFound('That organisation');
  return organisation;
}

/** The organisation's single sign-on, or null when it has none. */
export async function getSso(actor: Actor, slug: string): Promise<SsoView | null> {
  mustManage(actor);
  const organisation = await organisationBySlug(slug);
  const row = await db.ssoProvider.findUnique({
    where: { organizationId: organisation.id },
    select: SELECT,
  });
  return row ? view(organisation.slug, row) : null;
}

/** Every organisation's single sign-on, by organisation id, for the Settings page. */
export async function ssoByOrganisation(actor: Actor): Promise<Record<string, SsoView>> {
  mustManage(actor);
  const rows = await db.ssoProvider.findMany({
    select: { ...SELECT, organizationId: true, organisation: { select: { slug: true } } },
  });
  return Object.fromEntries(
    rows.map((row) => [row.organizationId, view(row.organisation.slug, row)]),
  );
}

export async function putSso(
  actor: Actor,
  by: AuditActor,
  slug: string,
  request: PutSsoRequest,
): Promise<SsoView> {
  mustManage(actor);
  const organisation = await organisationBySlug(slug);
  return db.$transaction(async (tx) => {
    // Row lock: two administrators saving at once are applied one after the other.
    await tx.$queryRaw`SELECT id FROM organisations WHERE id = ${organisation.id} FOR UPDATE`;
    const before = await tx.ssoProvider.findUnique({
      where: { organizationId: organisation.id },
      select: SELECT,
    });
    const secret = request.clientSecret
      ? sealClientSecret(request.clientSecret, env().CREDENTIALS_KEY)
      : before && StoredConfig.parse(JSON.parse(before.oidcConfig ?? '{}')).clientSecret;
    if (!secret)
      throw invalid('Give the client secret.', { clientSecret: 'Give the client secret.' });
    const others = await tx.ssoProvider.findMany({
      where: { organizationId: { not: organisation.id } },
      select: { domain: true, organisation: { select: { name: true } } },
    });
    const fields: Record<string, string> = {};
    request.domains.forEach((domain, index) => {
      const taken = others.find((other) => splitDomains(other.domain).includes(domain));
      if (taken)
        fields[`domains.${index}`] = `${taken.organisation.name} already signs in ${domain}.`;
    });
    if (Object.keys(fields).length > 0)
      throw invalid('An email domain belongs to one organisation’s single sign-on only.', fields);
    // The plugin's own configuration: endpoints are found from the issuer's discovery document
    // at each sign-in, and PKCE is always used.
    const oidcConfig = JSON.stringify({
      issuer: request.issuer,
      pkce: true,
      clientId: request.clientId,
      clientSecret: secret,
      discoveryEndpoint: `${request.issuer}/.well-known/openid-configuration`,
      scopes: ['openid', 'email', 'profile'],
    });
    const data = {
      issuer: request.issuer,
      oidcConfig,
      domain: joinDomains(request.domains),
      defaultRole: request.defaultRole,
      passwordSignIn: request.passwordSignIn,
    };
    const after = await tx.ssoProvider.upsert({
      where: { organizationId: organisation.id },
      create: {
        ...data,
        providerId: organisation.slug,
        organizationId: organisation.id,
        userId: actor.userId,
      },
      update: data,
      select: SELECT,
    });
    const described = (row: Stored | null) =>
      row && { ...view(organisation.slug, row), updatedAt: undefined, redirectUri: undefined };
    await recordAudit(tx, by, {
      action: 'organisation.sso_configured',
      entityId: organisation.id,
      organisationId: organisation.id,
      before: described(before),
      after: { ...described(after), clientSecretChanged: request.clientSecret !== undefined },
    });
    return view(organisation.slug, after);
  });
}

export async function removeSso(actor: Actor, by: AuditActor, slug: string): Promise<void> {
  mustManage(actor);
  const organisation = await organisationBySlug(slug);
  await db.$transaction(async (tx) => {
    const removed = await tx.ssoProvider.deleteMany({ where: { organizationId: organisation.id } });
    if (removed.count === 0) throw notFound('That organisation’s single sign-on');
    await recordAudit(tx, by, {
      action: 'organisation.sso_removed',
      entityId: organisation.id,
      organisationId: organisation.id,
    });
  });
}
