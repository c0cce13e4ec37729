// Single sign-on (issue 12, point 3) against a local OpenID Connect provider: a person of a
// force's domain signs in and lands in that force at the default role; an ID token with the
// wrong issuer, audience or nonce, or an expired one, is refused; an invited person accepts by
// signing in; password sign-in turned off is refused; the client secret is sealed at rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { GET as authGet } from '@/app/api/auth/[...all]/route';
import { POST as postToken } from '@/app/api/v1/auth/token/route';
import {
  DELETE as deleteSsoRoute,
  GET as getSsoRoute,
  PUT as putSsoRoute,
} from '@/app/api/v1/organisations/[slug]/sso/route';
import { PATCH as patchUserRoute } from '@/app/api/v1/users/[id]/route';
import { POST as inviteRoute } from '@/app/api/v1/users/invitations/route';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { signInThroughSso, startOidcProvider } from '../support/oidc-provider';

const ADMIN = 'admin@nw-rocu.example';
const DOMAIN = 'lancs-sso.example';
const SECRET = 'a-client-secret-nobody-may-read';

type Fields = { error: { code: string; message: string; fields?: Record<string, string> } };

let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let admin: string;

const putSso = (body: unknown, slug = 'lancashire') =>
  call<Fields & { redirectUri: string; domains: string[] }>(
    putSsoRoute,
    `/organisations/${slug}/sso`,
    {
      method: 'PUT',
      token: admin,
      body,
      params: { slug },
    },
  );

const config = (overrides: Record<string, unknown> = {}) => ({
  issuer: provider.issuer,
  clientId: 'signpost-lancashire',
  clientSecret: SECRET,
  domains: [DOMAIN, 'lancashire.example'],
  ...overrides,
});

async function sessionUser(cookie: string) {
  const response = await authGet(
    new Request(`${env().APP_URL}/api/auth/get-session`, { headers: { cookie } }),
  );
  const session = (await response.json()) as { user?: { id: string; email: string } } | null;
  return session?.user ?? null;
}

const membershipsOf = (email: string) =>
  db.membership.findMany({
    where: { user: { email } },
    select: { role: true, organisation: { select: { slug: true } } },
  });

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  provider = await startOidcProvider();
  admin = await tokenFor(ADMIN);
  const registered = await putSso(config());
  expect(registered.status).toBe(200);
});
afterAll(() => provider.stop());

describe('setting up single sign-on', () => {
  it('stores the client secret sealed and never answers it back', async () => {
    const row = await db.ssoProvider.findUniqueOrThrow({ where: { providerId: 'lancashire' } });
    expect(row.oidcConfig).not.toContain(SECRET);
    const read = await call<Record<string, unknown>>(getSsoRoute, '/organisations/lancashire/sso', {
      token: admin,
      params: { slug: 'lancashire' },
    });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(SECRET);
    expect(read.body).toMatchObject({
      issuer: provider.issuer,
      domains: [DOMAIN, 'lancashire.example'],
      defaultRole: 'viewer',
      passwordSignIn: true,
      redirectUri: `${env().APP_URL}/api/auth/sso/callback/lancashire`,
    });
    const audited = await db.auditEvent.count({ where: { action: 'organisation.sso_configured' } });
    expect(audited).toBeGreaterThan(0);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await db.ssoProvider.findUniqueOrThrow({ where: { providerId: 'lancashire' } });
    const cases: [Record<string, unknown>, string][] = [
      [{ issuer: 'ftp://idp.example' }, 'issuer'],
      [{ issuer: 'http://idp.example/tenant' }, 'issuer'],
      [{ domains: [] }, 'domains'],
      [{ domains: ['https://lancs.example'] }, 'domains.0'],
      [{ clientId: '' }, 'clientId'],
      [{ defaultRole: 'admin' }, 'defaultRole'],
      [{ passwordSignIn: 'no' }, 'passwordSignIn'],
    ];
    for (const [change, field] of cases) {
      const answer = await putSso(config(change));
      expect(answer.status, field).toBe(400);
      expect(Object.keys(answer.body.error.fields ?? {})).toContain(field);
    }
    const first = await putSso(config({ clientSecret: undefined }), 'cumbria');
    expect(first.status).toBe(400);
    expect(first.body.error.fields).toHaveProperty('clientSecret');
    const taken = await putSso(config({ clientSecret: 'x', domains: [DOMAIN] }), 'cumbria');
    expect(taken.status).toBe(400);
    expect(taken.body.error.fields).toHaveProperty('domains.0');
    expect(await db.ssoProvider.count({ where: { providerId: 'cumbria' } })).toBe(0);
    const after = await db.ssoProvider.findUniqueOrThrow({ where: { providerId: 'lancashire' } });
    expect(after.oidcConfig).toBe(before.oidcConfig);
  });

  it('is for administrators only', async () => {
    const comms = await tokenFor('comms@cheshire.example');
    const answer = await call(putSsoRoute, '/organisations/cheshire/sso', {
      method: 'PUT',
      token: comms,
      body: config({ domains: ['cheshire-sso.example'] }),
      params: { slug: 'cheshire' },
    });
    expect(answer.status).toBe(403);
  });
});

describe('signing in through an organisation’s single sign-on', () => {
  it('lands a person of the force’s domain in that force at the default role', async () => {
    const email = `sam.okafor@${DOMAIN}`;
    provider.as({ sub: 'entra-oid-1', email, name: 'Sam Okafor' });
    const signedIn = await signInThroughSso(email, '/schedule');
    expect(signedIn.location).toBe('/schedule');
    expect((await sessionUser(signedIn.cookie))?.email).toBe(email);
    expect(await membershipsOf(email)).toEqual([
      { role: 'viewer', organisation: { slug: 'lancashire' } },
    ]);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const joined = await db.auditEvent.findFirst({
      where: { action: 'user.sso_joined', entityId: user.id },
    });
    expect(joined?.after).toMatchObject({ organisation: 'lancashire', role: 'viewer' });

    // An administrator raises the role; the next sign-in keeps it.
    const raised = await call(patchUserRoute, `/users/${user.id}`, {
      method: 'PATCH',
      token: admin,
      body: { memberships: [{ organisation: 'lancashire', role: 'comms_officer' }] },
      params: { id: user.id },
    });
    expect(raised.status).toBe(200);
    const again = await signInThroughSso(email);
    expect(again.location).toBe('/');
    expect(await membershipsOf(email)).toEqual([
      { role: 'comms_officer', organisation: { slug: 'lancashire' } },
    ]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it('gives a first sign-in the role the administrator chose', async () => {
    expect((await putSso(config({ clientSecret: undefined, defaultRole: 'partner' }))).status).toBe(
      200,
    );
    const email = `jo.bloggs@${DOMAIN}`;
    provider.as({ sub: 'entra-oid-2', email, name: 'Jo Bloggs' });
    expect((await signInThroughSso(email)).location).toBe('/');
    expect(await membershipsOf(email)).toEqual([
      { role: 'partner', organisation: { slug: 'lancashire' } },
    ]);
    // Left out, the stored secret was kept: the sign-in above exchanged its code with it.
    await putSso(config({ clientSecret: undefined, defaultRole: 'viewer' }));
  });

  const NOT_VERIFIED = /error=invalid_provider&error_description=token_not_verified$/;
  it.each([
    [
      'a wrong issuer',
      { iss: 'https://login.microsoftonline.com/another-tenant/v2.0' },
      NOT_VERIFIED,
    ],
    ['a wrong audience', { aud: 'another-application' }, NOT_VERIFIED],
    ['a wrong nonce', { nonce: 'a-nonce-from-another-sign-in' }, /error=invalid_nonce/],
    ['an expired ID token', { expiresIn: -600 }, NOT_VERIFIED],
  ])('refuses %s', async (_, tampering, why) => {
    const email = `refused.${Object.keys(tampering)[0]}@${DOMAIN}`;
    provider.as({ sub: `entra-${email}`, email, name: 'Refused Person' }, tampering);
    const refused = await signInThroughSso(email);
    expect(refused.location).toMatch(/^\/sign-in\?sso=lancashire&error=/);
    expect(refused.location).toMatch(why);
    expect(await sessionUser(refused.cookie)).toBeNull();
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it('refuses an email outside the organisation’s domains, and a deactivated person', async () => {
    provider.as({ sub: 'entra-outsider', email: 'someone@elsewhere.example', name: 'Outsider' });
    const outsider = await signInThroughSso(`anyone@${DOMAIN}`);
    expect(outsider.location).toMatch(/error=email_domain_not_allowed/);
    expect(await db.user.count({ where: { email: 'someone@elsewhere.example' } })).toBe(0);

    const email = `leaver@${DOMAIN}`;
    provider.as({ sub: 'entra-leaver', email, name: 'Leaver' });
    expect((await signInThroughSso(email)).location).toBe('/');
    await db.user.update({ where: { email }, data: { active: false } });
    const refused = await signInThroughSso(email);
    expect(refused.location).toMatch(/error=account_deactivated/);
    expect(await sessionUser(refused.cookie)).toBeNull();
  });

  it('lets an invited person accept by signing in, keeping the invited role', async () => {
    const email = `invited@${DOMAIN}`;
    const invited = await call<{ userId: string }>(inviteRoute, '/users/invitations', {
      token: admin,
      body: {
        email,
        name: 'Invited Person',
        memberships: [{ organisation: 'lancashire', role: 'comms_officer' }],
      },
    });
    expect(invited.status).toBe(201);
    provider.as({ sub: 'entra-invited', email, name: 'Invited Person' });
    const signedIn = await signInThroughSso(email);
    expect(signedIn.location).toBe('/');
    expect((await sessionUser(signedIn.cookie))?.email).toBe(email);
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, invitations: { select: { acceptedAt: true } } },
    });
    expect(user.id).toBe(invited.body.userId);
    expect(user.invitations.every((invitation) => invitation.acceptedAt !== null)).toBe(true);
    expect(await membershipsOf(email)).toEqual([
      { role: 'comms_officer', organisation: { slug: 'lancashire' } },
    ]);
  });

  it('sends an email with no single sign-on back to the sign-in page', async () => {
    const answer = await signInThroughSso('someone@no-sso.example');
    expect(answer.location).toBe('/sign-in?error=no_single_sign_on');
  });
});

describe('password sign-in turned off', () => {
  it('refuses the organisation’s members a password, with a clear message', async () => {
    const comms = 'comms@lancashire.example';
    const password = process.env.DEMO_PASSWORD ?? 'signpost-demo';
    expect((await putSso(config({ clientSecret: undefined, passwordSignIn: false }))).status).toBe(
      200,
    );
    const response = await authPost(
      new Request(`${env().APP_URL}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.31' },
        body: JSON.stringify({ email: comms, password }),
      }),
    );
    expect(response.status).toBe(403);
    const body = (await response.json()) as Fields;
    expect(body.error.message).toMatch(/Lancashire Constabulary.*password sign-in is turned off/);
    const token = await call<Fields>(postToken, '/auth/token', {
      body: { email: comms, password },
    });
    expect(token.status).toBe(403);

    // Single sign-on still works for them; removing it brings passwords back.
    provider.as({ sub: 'entra-comms', email: comms, name: 'Comms Officer' });
    expect((await signInThroughSso(comms)).location).toBe('/');
    const removed = await call(deleteSsoRoute, '/organisations/lancashire/sso', {
      method: 'DELETE',
      token: admin,
      params: { slug: 'lancashire' },
    });
    expect(removed.status).toBe(204);
    const back = await call(postToken, '/auth/token', { body: { email: comms, password } });
    expect(back.status).toBe(201);
    expect(await db.auditEvent.count({ where: { action: 'organisation.sso_removed' } })).toBe(1);
  });
});
