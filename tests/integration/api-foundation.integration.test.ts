import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postToken } from '@/app/api/v1/auth/token/route';
import { GET as getChannels } from '@/app/api/v1/channels/route';
import { GET as getHealth } from '@/app/api/v1/health/route';
import { GET as getMe } from '@/app/api/v1/me/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { GET as getOrganisations } from '@/app/api/v1/organisations/route';
import { GET as getSignpost } from '@/app/api/v1/signpost/route';
import { db } from '@/lib/db';
import { hashToken } from '@/lib/auth/api-tokens';
import { PLATFORMS } from '@/lib/platforms/types';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
});

describe('GET /api/v1/health', () => {
  it('reports the database, Redis and the queues', async () => {
    const response = await call<{
      status: string;
      db: { ok: boolean };
      redis: { ok: boolean };
      queues: object;
    }>(getHealth, '/health');
    expect(response.status).toBe(200);
    expect(response.body.db.ok).toBe(true);
    expect(response.body.redis.ok).toBe(true);
    expect(Object.keys(response.body.queues)).toEqual(
      expect.arrayContaining(['publish', 'maintenance']),
    );
  });
});

describe('POST /api/v1/auth/token', () => {
  it('issues a token for the right password and stores only its hash', async () => {
    const response = await call<{ token: string; expiresAt: string }>(postToken, '/auth/token', {
      body: { email: 'lead@nw-rocu.example', password: 'signpost-demo', label: 'CI' },
    });
    expect(response.status).toBe(201);
    expect(response.body.token).toMatch(/^sp_/);
    expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(Date.now());
    const stored = await db.apiToken.findUniqueOrThrow({
      where: { tokenHash: hashToken(response.body.token) },
    });
    expect(JSON.stringify(stored)).not.toContain(response.body.token);
  });

  it.each([
    ['a wrong password', { email: 'lead@nw-rocu.example', password: 'not-the-password' }],
    ['an unknown user', { email: 'nobody@nowhere.example', password: 'signpost-demo' }],
  ])('refuses %s with 401 and writes no token', async (_case, body) => {
    const before = await db.apiToken.count();
    const response = await call<ErrorBody>(postToken, '/auth/token', {
      body,
      headers: { 'x-forwarded-for': '10.0.0.9' },
    });
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({
      code: 'unauthorized',
      message: 'The email or password is wrong.',
    });
    expect(await db.apiToken.count()).toBe(before);
  });

  it('throttles repeated failed sign-ins with 429 and Retry-After, even for the right password', async () => {
    const address = { 'x-forwarded-for': '10.0.0.77' };
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await call(postToken, '/auth/token', {
        body: { email: 'comms@cumbria.example', password: 'wrong-password' },
        headers: address,
      });
      expect(response.status).toBe(401);
    }
    const blocked = await call<ErrorBody>(postToken, '/auth/token', {
      body: { email: 'comms@cumbria.example', password: 'signpost-demo' },
      headers: address,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"email": "lead@nw-rocu.example",' }, 400, /not valid JSON/],
    [
      'an unknown field',
      { body: { email: 'lead@nw-rocu.example', password: 'x', admin: true } },
      400,
      /admin is not a known field/,
    ],
    ['a missing password', { body: { email: 'lead@nw-rocu.example' } }, 400, /password/],
    [
      'a body that is not JSON',
      { rawBody: 'email=a', contentType: 'application/x-www-form-urlencoded' },
      400,
      /JSON/,
    ],
    [
      'an oversized body',
      { body: { email: 'lead@nw-rocu.example', password: 'x'.repeat(10_000) } },
      413,
      /larger than/,
    ],
  ])('answers %s with a clear 4xx and writes nothing', async (_case, options, status, message) => {
    const before = await db.apiToken.count();
    const response = await call<ErrorBody>(postToken, '/auth/token', options);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
    expect(await db.apiToken.count()).toBe(before);
  });

  it('names each invalid field', async () => {
    const response = await call<ErrorBody>(postToken, '/auth/token', {
      body: { email: 'not-an-email', password: '' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(Object.keys(response.body.error.fields ?? {}).sort()).toEqual(['email', 'password']);
  });
});

describe('signed-in routes', () => {
  it('refuse a request without a token, a malformed header, an unknown, revoked or expired token', async () => {
    expect((await call(getMe, '/me')).status).toBe(401);
    expect((await call(getMe, '/me', { headers: { authorization: 'Token abc' } })).status).toBe(
      401,
    );
    expect((await call(getMe, '/me', { token: 'sp_not-a-real-token' })).status).toBe(401);

    const token = await tokenFor('viewer@cumbria.example');
    const stored = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    await db.apiToken.update({
      where: { id: stored.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await call<ErrorBody>(getMe, '/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);

    await db.apiToken.update({
      where: { id: stored.id },
      data: { expiresAt: new Date(Date.now() + 60_000), revokedAt: new Date() },
    });
    const revoked = await call<ErrorBody>(getMe, '/me', { token });
    expect(revoked.body.error.message).toMatch(/revoked/);
    forgetTokens();
  });

  it('GET /me names the user and their memberships', async () => {
    const response = await call<{
      user: { email: string };
      memberships: { organisation: { slug: string }; role: string }[];
    }>(getMe, '/me', { token: await tokenFor('comms@lancashire.example') });
    expect(response.status).toBe(200);
    expect(response.body.user.email).toBe('comms@lancashire.example');
    expect(response.body.memberships).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ slug: 'lancashire', kind: 'force' }),
        role: 'comms_officer',
      }),
    ]);
  });

  it('GET /organisations lists every organisation, paged', async () => {
    const token = await tokenFor('viewer@cumbria.example');
    const first = await call<{
      items: { slug: string; kind: string }[];
      nextCursor: string | null;
    }>(getOrganisations, '/organisations', {
      token,
      query: { limit: '4' },
    });
    expect(first.body.items).toHaveLength(4);
    const rest = await call<{ items: { slug: string }[]; nextCursor: string | null }>(
      getOrganisations,
      '/organisations',
      {
        token,
        query: { limit: '500', cursor: first.body.nextCursor ?? '' },
      },
    );
    const slugs = [...first.body.items, ...rest.body.items].map((o) => o.slug);
    expect(slugs).toHaveLength(10);
    expect(slugs).toEqual(
      expect.arrayContaining(['lancashire', 'nw-rocu', 'cheshire-east-council']),
    );
    expect(rest.body.nextCursor).toBeNull();
    expect(
      (await call(getOrganisations, '/organisations', { token, query: { limit: '501' } })).status,
    ).toBe(400);
    expect(
      (await call(getOrganisations, '/organisations', { token, query: { cursor: 'garbage' } }))
        .status,
    ).toBe(400);
  });

  it('GET /channels shows a comms officer only their own force’s channels, and a lead every platform', async () => {
    type Channels = { items: { organisationId: string; platform: string }[] };
    const comms = await call<Channels>(getChannels, '/channels', {
      token: await tokenFor('comms@lancashire.example'),
      query: { limit: '500' },
    });
    const lancashire = await db.organisation.findUniqueOrThrow({ where: { slug: 'lancashire' } });
    expect(comms.body.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(comms.body.items.map((c) => c.organisationId))).toEqual(
      new Set([lancashire.id]),
    );

    const lead = await call<Channels>(getChannels, '/channels', {
      token: await tokenFor('lead@nw-rocu.example'),
      query: { limit: '500' },
    });
    expect(new Set(lead.body.items.map((c) => c.platform))).toEqual(new Set(PLATFORMS));

    const other = await call<Channels>(getChannels, '/channels', {
      token: await tokenFor('comms@lancashire.example'),
      query: { organisation: 'cumbria' },
    });
    expect(other.body.items).toEqual([]);
  });

  it('GET /signpost gives the current signpost', async () => {
    const response = await call<{ version: number; phone: string; url: string }>(
      getSignpost,
      '/signpost',
      {
        token: await tokenFor('partner@manchester-city-council.example'),
      },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 1, phone: '0808 1000 900' });
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes every route, generated from the zod schemas', async () => {
    const response = await call<{ openapi: string; paths: Record<string, object> }>(
      getOpenApi,
      '/openapi.json',
    );
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/auth/token',
        '/me',
        '/organisations',
        '/channels',
        '/signpost',
      ]),
    );
  });
});
