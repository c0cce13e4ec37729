// Organisations and people through the API (issue 12, points 1 and 2): an administrator adds and
// deactivates organisations (posts held with the reason, releasable again once reactivated) and
// invites a person, who gets the link by email, sets a password once, and signs in; a change of
// role and a deactivation take effect on the very next request with the old session or token.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { POST as postToken } from '@/app/api/v1/auth/token/route';
import { POST as acceptRoute } from '@/app/api/v1/invitations/[token]/accept/route';
import { GET as meRoute } from '@/app/api/v1/me/route';
import { PATCH as patchOrganisationRoute } from '@/app/api/v1/organisations/[slug]/route';
import {
  GET as listOrganisationsRoute,
  POST as createOrganisationRoute,
} from '@/app/api/v1/organisations/route';
import { POST as releaseRoute } from '@/app/api/v1/posts/[id]/release/route';
import { PATCH as patchUserRoute } from '@/app/api/v1/users/[id]/route';
import { POST as inviteRoute } from '@/app/api/v1/users/invitations/route';
import { GET as listUsersRoute } from '@/app/api/v1/users/route';
import { GET as listWebhooksRoute } from '@/app/api/v1/webhooks/route';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { defaultFanOutOrganisations } from '@/lib/organisations/fan-out-organisations';
import { acceptInvitation } from '@/lib/people/accept-invitation';
import { INVITATION_LIFETIME_DAYS } from '@/lib/people/invitation-token';
import { log } from '@/lib/log';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { publishPost } from '@/lib/publishing/publish-post';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { actorFor, approvedMessage, channelOf } from '../support/fixtures';
import { clearSandboxMail, waitForMail } from '../support/mail';

const ADMIN = 'admin@nw-rocu.example';
const LEAD = 'lead@nw-rocu.example';
const COMMS = 'comms@lancashire.example';
const PASSWORD = 'trombone-velvet-harbour';

type Fields = { error: { code: string; message: string; fields?: Record<string, string> } };

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
});
beforeEach(() => clearSandboxMail());

const admin = async () => tokenFor(ADMIN);

async function invite(
  email: string,
  memberships = [{ organisation: 'lancashire', role: 'viewer' }],
) {
  return call<{ userId: string; email: string; inviteUrl: string; emailed: boolean } & Fields>(
    inviteRoute,
    '/users/invitations',
    { token: await admin(), body: { email, name: 'Sam Okafor', memberships } },
  );
}

const tokenOf = (inviteUrl: string) => new URL(inviteUrl).pathname.split('/').at(-1) ?? '';

const accept = (token: string, password = PASSWORD) =>
  call<Fields>(acceptRoute, `/invitations/${token}/accept`, {
    body: { password },
    params: { token },
  });

async function sessionCookie(email: string, password = PASSWORD): Promise<string> {
  const response = await authPost(
    new Request(`${env().APP_URL}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.20' },
      body: JSON.stringify({ email, password }),
    }),
  );
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

const apiToken = async (email: string, password = PASSWORD) =>
  call<{ token: string } & Fields>(postToken, '/auth/token', {
    body: { email, password },
    headers: { 'x-forwarded-for': '198.51.100.21' },
  });

const me = (auth: { token?: string; cookie?: string }) =>
  call<{ memberships: { organisation: { slug: string }; role: string }[] } & Fields>(
    meRoute,
    '/me',
    {
      token: auth.token,
      headers: auth.cookie ? { cookie: auth.cookie } : {},
    },
  );

async function invitedAndAccepted(email: string) {
  const invited = await invite(email);
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  expect((await accept(tokenOf(invited.body.inviteUrl))).status).toBe(201);
  return invited.body.userId;
}

describe('organisations', () => {
  it('an administrator adds a force, which every default then includes without a change of code', async () => {
    const created = await call<{ slug: string; active: boolean }>(
      createOrganisationRoute,
      '/organisations',
      {
        token: await admin(),
        body: {
          name: 'West Yorkshire Police',
          slug: 'west-yorkshire',
          kind: 'force',
          area: 'West Yorkshire',
        },
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ slug: 'west-yorkshire', active: true });
    expect((await defaultFanOutOrganisations()).map((o) => o.slug)).toContain('west-yorkshire');
    const listed = await call<{ items: { slug: string }[] }>(
      listOrganisationsRoute,
      '/organisations',
      {
        token: await tokenFor(COMMS),
        query: { limit: '500' },
      },
    );
    expect(listed.body.items.map((o) => o.slug)).toContain('west-yorkshire');
    const events = await db.auditEvent.findMany({ where: { action: 'organisation.created' } });
    expect(events).toHaveLength(1);
  });

  it('refuses a taken slug (409), a bad slug or kind naming the field (400), and non-administrators (403)', async () => {
    const body = {
      name: 'Lancashire again',
      slug: 'lancashire',
      kind: 'force',
      area: 'Lancashire',
    };
    const taken = await call<Fields>(createOrganisationRoute, '/organisations', {
      token: await admin(),
      body,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toHaveProperty('slug');
    const bad = await call<Fields>(createOrganisationRoute, '/organisations', {
      token: await admin(),
      body: { ...body, slug: 'Not A Slug', kind: 'council' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {})).toEqual(
      expect.arrayContaining(['slug', 'kind']),
    );
    const lead = await call(createOrganisationRoute, '/organisations', {
      token: await tokenFor(LEAD),
      body: { ...body, slug: 'lead-made' },
    });
    expect(lead.status).toBe(403);
    const unknown = await call(patchOrganisationRoute, '/organisations/nowhere', {
      method: 'PATCH',
      token: await admin(),
      params: { slug: 'nowhere' },
      body: { name: 'Nowhere' },
    });
    expect(unknown.status).toBe(404);
  });

  it('deactivating holds its scheduled posts with the reason; they are releasable once it is reactivated', async () => {
    const comms = await actorFor(COMMS);
    const message = await approvedMessage();
    const channel = await channelOf('lancashire', 'x');
    const { posts } = await scheduleMessage(comms.actor, comms.audit, message.id, {
      targets: [
        { channelId: channel.id, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
      ],
    });
    const postId = posts[0]?.id ?? '';
    const off = await call<{ heldPosts: number; organisation: { active: boolean } }>(
      patchOrganisationRoute,
      '/organisations/lancashire',
      {
        method: 'PATCH',
        token: await admin(),
        params: { slug: 'lancashire' },
        body: { active: false },
      },
    );
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.heldPosts).toBeGreaterThanOrEqual(1);
    const held = await db.post.findUniqueOrThrow({ where: { id: postId } });
    expect(held.status).toBe('held');
    expect(held.heldReason).toMatch(/Lancashire Constabulary has been deactivated/);
    expect((await defaultFanOutOrganisations()).map((o) => o.slug)).not.toContain('lancashire');

    const lead = await tokenFor(LEAD);
    const refused = await call<Fields>(releaseRoute, `/posts/${postId}/release`, {
      method: 'POST',
      token: lead,
      params: { id: postId },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/deactivated/);

    const on = await call(patchOrganisationRoute, '/organisations/lancashire', {
      method: 'PATCH',
      token: await admin(),
      params: { slug: 'lancashire' },
      body: { active: true },
    });
    expect(on.status).toBe(200);
    const released = await call(releaseRoute, `/posts/${postId}/release`, {
      method: 'POST',
      token: lead,
      params: { id: postId },
    });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    const actions = (
      await db.auditEvent.findMany({
        where: { entityType: 'organisation' },
        orderBy: { at: 'asc' },
      })
    ).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(['organisation.deactivated', 'organisation.reactivated']),
    );
    expect(await db.auditEvent.count({ where: { action: 'post.held', entityId: postId } })).toBe(1);
  });
});

describe('the worker and a deactivated organisation', () => {
  it('holds a post already queued when its organisation is deactivated, rather than publish it', async () => {
    const comms = await actorFor('comms@cumbria.example');
    const message = await approvedMessage();
    const channel = await channelOf('cumbria', 'x');
    const { posts } = await scheduleMessage(comms.actor, comms.audit, message.id, {
      targets: [{ channelId: channel.id, scheduledAt: new Date(Date.now() - 1000).toISOString() }],
    });
    const post = await db.post.findUniqueOrThrow({ where: { id: posts[0]?.id ?? '' } });
    // As if the deactivation committed between the job being queued and the worker claiming it.
    await db.organisation.update({ where: { slug: 'cumbria' }, data: { active: false } });
    try {
      const outcome = await publishPost(
        { postId: post.id, revision: post.revision, channelId: post.channelId },
        { log, workerId: 'admin-test' },
      );
      expect(outcome).toMatchObject({ kind: 'held', reason: expect.stringMatching(/deactivated/) });
      expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).status).toBe('held');
    } finally {
      await db.organisation.update({ where: { slug: 'cumbria' }, data: { active: true } });
    }
  });
});

describe('people', () => {
  it('invite → the link by email → set a password once → sign in with a token and a session', async () => {
    const invited = await invite('sam.okafor@lancashire.example');
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body.emailed).toBe(true);
    const [mail] = await waitForMail({ to: 'sam.okafor@lancashire.example' });
    expect(mail?.text).toContain(invited.body.inviteUrl);
    const stored = await db.invitation.findFirstOrThrow({ where: { userId: invited.body.userId } });
    expect(stored.tokenHash).not.toContain(tokenOf(invited.body.inviteUrl));

    // Not yet: no password until the invitation is accepted.
    expect((await apiToken('sam.okafor@lancashire.example')).status).toBe(401);
    const weak = await accept(tokenOf(invited.body.inviteUrl), 'password1234');
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields?.password).toMatch(/common passwords/);
    expect((await accept(tokenOf(invited.body.inviteUrl))).status).toBe(201);
    const again = await accept(tokenOf(invited.body.inviteUrl), 'another-fine-passphrase');
    expect(again.status).toBe(409);

    const token = await apiToken('sam.okafor@lancashire.example');
    expect(token.status).toBe(201);
    expect((await me({ token: token.body.token })).body.memberships).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ slug: 'lancashire' }),
        role: 'viewer',
      }),
    ]);
    expect(
      (await me({ cookie: await sessionCookie('sam.okafor@lancashire.example') })).status,
    ).toBe(200);
    const actions = (
      await db.auditEvent.findMany({ where: { entityId: invited.body.userId } })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.invited', 'user.invitation_accepted']));
  });

  it('refuses an invitation past its 7 days, an unknown one, and a second invitation for the same email', async () => {
    const invited = await invite('late@lancashire.example');
    const later = new Date(Date.now() + (INVITATION_LIFETIME_DAYS * 24 + 1) * 60 * 60 * 1000);
    await expect(
      acceptInvitation(tokenOf(invited.body.inviteUrl), { password: PASSWORD }, later),
    ).rejects.toThrow(/expired/);
    expect((await accept('inv_not-a-real-token')).status).toBe(404);
    const twice = await invite('late@lancashire.example');
    expect(twice.status).toBe(409);
    expect(twice.body.error.fields).toHaveProperty('email');
    const badOrg = await invite('nobody@x.example', [{ organisation: 'atlantis', role: 'viewer' }]);
    expect(badOrg.status).toBe(400);
    expect(badOrg.body.error.fields).toHaveProperty(['memberships.0.organisation']);
  });

  it('a change of role takes effect on the very next request', async () => {
    const userId = await invitedAndAccepted('riley@lancashire.example');
    const { body } = await apiToken('riley@lancashire.example');
    expect((await call(listWebhooksRoute, '/webhooks', { token: body.token })).status).toBe(403);
    const changed = await call(patchUserRoute, `/users/${userId}`, {
      method: 'PATCH',
      token: await admin(),
      params: { id: userId },
      body: { memberships: [{ organisation: 'lancashire', role: 'comms_officer' }] },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await me({ token: body.token })).body.memberships[0]?.role).toBe('comms_officer');
    expect((await call(listWebhooksRoute, '/webhooks', { token: body.token })).status).toBe(200);
    expect(
      await db.auditEvent.count({ where: { action: 'user.roles_changed', entityId: userId } }),
    ).toBe(1);
  });

  it('deactivating ends the old session and the old API token at once, and the password no longer works', async () => {
    const userId = await invitedAndAccepted('kit@lancashire.example');
    const cookie = await sessionCookie('kit@lancashire.example');
    const { body } = await apiToken('kit@lancashire.example');
    expect((await me({ cookie })).status).toBe(200);
    expect((await me({ token: body.token })).status).toBe(200);
    const off = await call<{ endedSessions: number; revokedTokens: number }>(
      patchUserRoute,
      `/users/${userId}`,
      {
        method: 'PATCH',
        token: await admin(),
        params: { id: userId },
        body: { active: false },
      },
    );
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ endedSessions: 1, revokedTokens: 1 });
    expect((await me({ cookie })).status).toBe(401);
    expect((await me({ token: body.token })).status).toBe(401);
    expect((await apiToken('kit@lancashire.example')).status).toBe(401);
    const listed = await call<{ items: { id: string; status: string }[] }>(
      listUsersRoute,
      '/users',
      {
        token: await admin(),
        query: { limit: '500' },
      },
    );
    expect(listed.body.items.find((person) => person.id === userId)?.status).toBe('deactivated');
    expect(
      await db.auditEvent.count({ where: { action: 'user.deactivated', entityId: userId } }),
    ).toBe(1);
  });

  it('only administrators list, invite and change people; an unknown person is 404; nobody deactivates themselves', async () => {
    const lead = await tokenFor(LEAD);
    expect((await call(listUsersRoute, '/users', { token: lead })).status).toBe(403);
    const asLead = await call(inviteRoute, '/users/invitations', {
      token: lead,
      body: {
        email: 'x@lancashire.example',
        name: 'X',
        memberships: [{ organisation: 'lancashire', role: 'admin' }],
      },
    });
    expect(asLead.status).toBe(403);
    const adminUser = await db.user.findUniqueOrThrow({ where: { email: ADMIN } });
    const self = await call(patchUserRoute, `/users/${adminUser.id}`, {
      method: 'PATCH',
      token: await admin(),
      params: { id: adminUser.id },
      body: { active: false },
    });
    expect(self.status).toBe(409);
    const unknown = await call(patchUserRoute, '/users/nobody', {
      method: 'PATCH',
      token: await admin(),
      params: { id: 'nobody' },
      body: { active: false },
    });
    expect(unknown.status).toBe(404);
  });
});
