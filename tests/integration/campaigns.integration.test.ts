import { beforeAll, describe, expect, it } from 'vitest';
import { POST as archiveCampaign } from '@/app/api/v1/campaigns/[id]/archive/route';
import { GET as getCampaign, PATCH as patchCampaign } from '@/app/api/v1/campaigns/[id]/route';
import { GET as listCampaigns, POST as postCampaign } from '@/app/api/v1/campaigns/route';
import { POST as postMessage } from '@/app/api/v1/messages/route';
import { db } from '@/lib/db';
import { checkStoredMessage } from '@/lib/messages/check-stored-message';
import { seed } from '@/prisma/seed';
import type { CampaignView } from '@/lib/campaigns/campaign-schemas';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { actorFor } from '../support/fixtures';
import { auditOf, rowCounts } from '../support/row-counts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type Page<T> = { items: T[]; nextCursor: string | null };

const LEAD = 'lead@nw-rocu.example';
const OUTSIDERS = [
  'comms@lancashire.example',
  'partner@manchester-city-council.example',
  'viewer@cumbria.example',
  'admin@nw-rocu.example',
];
const campaign = (fields: Record<string, unknown> = {}) => ({
  name: 'Summer awareness 2027',
  startsAt: '2027-06-01T00:00:00+01:00',
  endsAt: '2027-08-31T23:00:00Z',
  ...fields,
});

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  // Issuing a token is itself audited: issue them all before any test counts audit events.
  for (const email of [
    LEAD,
    'lead2@nw-rocu.example',
    ...OUTSIDERS,
    'comms@cumbria.example',
    'partner@cheshire-east-council.example',
  ]) {
    await tokenFor(email);
  }
});

describe('POST /api/v1/campaigns', () => {
  it('starts a campaign with a slug made from its name, every theme, and one audit event', async () => {
    const before = await rowCounts();
    const response = await call<CampaignView>(postCampaign, '/campaigns', {
      token: await tokenFor(LEAD),
      body: campaign({ description: 'Holiday-season messages' }),
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      slug: 'summer-awareness-2027',
      name: 'Summer awareness 2027',
      description: 'Holiday-season messages',
      startsAt: '2027-05-31T23:00:00.000Z',
      endsAt: '2027-08-31T23:00:00.000Z',
      themes: ['awareness', 'harm', 'enforcement', 'consequences', 'help'],
      status: 'active',
    });
    expect(await rowCounts()).toEqual({
      ...before,
      campaigns: before.campaigns + 1,
      auditEvents: before.auditEvents + 1,
    });
    const [event] = await auditOf(response.body.id);
    expect(event).toMatchObject({
      action: 'campaign.create',
      entityType: 'campaign',
      actorLabel: expect.stringMatching(/^lead@nw-rocu\.example \(api-token:/),
      before: null,
      after: expect.objectContaining({ slug: 'summer-awareness-2027', status: 'active' }),
    });
  });

  it('numbers the slug when the name is taken, and keeps the themes it is given', async () => {
    const response = await call<CampaignView>(postCampaign, '/campaigns', {
      token: await tokenFor(LEAD),
      body: campaign({ themes: ['help', 'awareness'] }),
    });
    expect(response.status).toBe(201);
    expect(response.body.slug).toBe('summer-awareness-2027-2');
    expect(response.body.themes).toEqual(['awareness', 'help']);
  });

  it('refuses a chosen slug that is already used, with 409, and writes nothing', async () => {
    const before = await rowCounts();
    const response = await call<ErrorBody>(postCampaign, '/campaigns', {
      token: await tokenFor(LEAD),
      body: campaign({ name: 'Another', slug: 'stop-it-now-north-west' }),
    });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain(
      '"stop-it-now-north-west" is already used by the campaign "Stop it Now! North West"',
    );
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    'comms@lancashire.example',
    'partner@manchester-city-council.example',
    'viewer@cumbria.example',
    'admin@nw-rocu.example',
  ])('refuses %s with 403 and writes nothing', async (email) => {
    const before = await rowCounts();
    const response = await call<ErrorBody>(postCampaign, '/campaigns', {
      token: await tokenFor(email),
      body: campaign(),
    });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('Only campaign leads can start a campaign.');
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['an empty body', { rawBody: '' }, 400, 'body', /empty/],
    ['a body that is not JSON', { rawBody: '{"name":' }, 400, 'body', /not valid JSON/],
    [
      'an oversized body',
      { body: campaign({ description: 'x'.repeat(70 * 1024) }) },
      413,
      'body',
      /larger than the 64 KiB/,
    ],
    ['no name', { body: campaign({ name: '   ' }) }, 400, 'name', /name must not be empty/],
    [
      'an end before the start',
      { body: campaign({ endsAt: '2027-05-01T00:00:00Z' }) },
      400,
      'endsAt',
      /endsAt must be after startsAt/,
    ],
    [
      'a time without an offset',
      { body: campaign({ startsAt: '2027-06-01T00:00:00' }) },
      400,
      'startsAt',
      /with its offset/,
    ],
    [
      'an unknown theme',
      { body: campaign({ themes: ['help', 'outreach'] }) },
      400,
      'themes.1',
      /"outreach", which is not a theme/,
    ],
    ['a theme twice', { body: campaign({ themes: ['help', 'help'] }) }, 400, 'themes', /twice/],
    ['no themes', { body: campaign({ themes: [] }) }, 400, 'themes', /at least one theme/],
    [
      'a malformed slug',
      { body: campaign({ slug: 'Summer 2027!' }) },
      400,
      'slug',
      /lower-case letters/,
    ],
    [
      'an unknown field',
      { body: campaign({ budget: 100 }) },
      400,
      'budget',
      /budget is not a known field/,
    ],
  ])(
    'refuses %s, naming the field, and writes nothing',
    async (_case, options, status, field, message) => {
      const before = await rowCounts();
      const response = await call<ErrorBody>(postCampaign, '/campaigns', {
        method: 'POST',
        token: await tokenFor(LEAD),
        ...options,
      });
      expect(response.status).toBe(status);
      expect(response.body.error.message).toMatch(message);
      if (status === 400 && field !== 'body')
        expect(Object.keys(response.body.error.fields ?? {})).toContain(field);
      expect(await rowCounts()).toEqual(before);
    },
  );
});

describe('GET /api/v1/campaigns', () => {
  it('lists campaigns to every signed-in role, the latest to start first, a page at a time', async () => {
    const token = await tokenFor('partner@cheshire-east-council.example');
    const all = await call<Page<CampaignView>>(listCampaigns, '/campaigns', { token });
    expect(all.status).toBe(200);
    expect(all.body.items.map((item) => item.slug)).toEqual(
      expect.arrayContaining([
        'stop-it-now-north-west',
        'summer-awareness-2027',
        'summer-awareness-2027-2',
      ]),
    );
    const starts = all.body.items.map((item) => item.startsAt);
    expect([...starts].sort().reverse()).toEqual(starts);

    const first = await call<Page<CampaignView>>(listCampaigns, '/campaigns', {
      token,
      query: { limit: '2' },
    });
    expect(first.body.items).toHaveLength(2);
    const second = await call<Page<CampaignView>>(listCampaigns, '/campaigns', {
      token,
      query: { limit: '2', cursor: first.body.nextCursor ?? '' },
    });
    expect([...first.body.items, ...second.body.items].map((item) => item.id)).toEqual(
      all.body.items.map((item) => item.id),
    );
    expect(second.body.nextCursor).toBeNull();
  });

  it('finds the seeded campaign by id, and answers 404 for an unknown one', async () => {
    const token = await tokenFor('viewer@cumbria.example');
    const seeded = await db.campaign.findUniqueOrThrow({
      where: { slug: 'stop-it-now-north-west' },
    });
    const found = await call<CampaignView>(getCampaign, `/campaigns/${seeded.id}`, {
      token,
      params: { id: seeded.id },
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      name: 'Stop it Now! North West',
      themes: ['awareness', 'harm', 'enforcement', 'consequences', 'help'],
    });
    const missing = await call<ErrorBody>(getCampaign, '/campaigns/nope', {
      token,
      params: { id: 'nope' },
    });
    expect(missing.status).toBe(404);
  });
});

describe('the demo campaign', () => {
  it('is seeded once: seeding again adds nothing and keeps a lead’s edits', async () => {
    const seeded = await db.campaign.findUniqueOrThrow({
      where: { slug: 'stop-it-now-north-west' },
    });
    const edited = await call<CampaignView>(patchCampaign, `/campaigns/${seeded.id}`, {
      method: 'PATCH',
      token: await tokenFor(LEAD),
      params: { id: seeded.id },
      body: { description: 'Edited by a lead' },
    });
    expect(edited.status).toBe(200);
    const before = await rowCounts();
    await seed();
    expect(await rowCounts()).toEqual(before);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: seeded.id } })).description).toBe(
      'Edited by a lead',
    );
    const statuses = await db.message.groupBy({
      by: ['status'],
      where: { campaignId: seeded.id },
      _count: { _all: true },
    });
    expect(Object.fromEntries(statuses.map((group) => [group.status, group._count._all]))).toEqual({
      approved: 17,
      in_review: 1,
      draft: 1,
    });
  });

  it('gives every message its theme’s campaign card, so it can go out on Instagram too', async () => {
    const messages = await db.message.findMany({
      where: { campaign: { slug: 'stop-it-now-north-west' } },
      include: { media: { include: { media: true } } },
    });
    for (const message of messages) {
      expect(message.media, message.title).toHaveLength(1);
      expect(message.media[0]?.altText, message.title).toMatch(
        /^Campaign card .*Stop it Now! helpline 0808 1000 900/,
      );
    }
    // One stored image per theme, however many messages share it, and none more on a re-seed.
    const cards = new Set(messages.map((message) => message.media[0]?.mediaId));
    expect(cards.size).toBe(5);
    const stored = await db.media.count();
    await seed();
    expect(await db.media.count()).toBe(stored);

    const { actor } = await actorFor(LEAD);
    for (const message of messages.filter((candidate) => candidate.status === 'approved')) {
      const check = await checkStoredMessage(actor, message.id);
      expect(check.problems, message.title).toEqual([]);
      expect(check.warnings, message.title).toEqual([]);
    }
  });
});

describe('PATCH /api/v1/campaigns/:id and archiving', () => {
  let id: string;

  beforeAll(async () => {
    const created = await call<CampaignView>(postCampaign, '/campaigns', {
      token: await tokenFor(LEAD),
      body: campaign({ name: 'Winter campaign', themes: ['help', 'harm'] }),
    });
    id = created.body.id;
  });

  it('changes the name and dates, recording before and after', async () => {
    const response = await call<CampaignView>(patchCampaign, `/campaigns/${id}`, {
      method: 'PATCH',
      token: await tokenFor('lead2@nw-rocu.example'),
      params: { id },
      body: { name: 'Winter campaign 2027', endsAt: '2027-12-31T00:00:00Z' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Winter campaign 2027',
      slug: 'winter-campaign',
      endsAt: '2027-12-31T00:00:00.000Z',
    });
    const events = await auditOf(id);
    expect(events.map((event) => event.action)).toEqual(['campaign.create', 'campaign.update']);
    expect(events[1]).toMatchObject({
      before: expect.objectContaining({
        name: 'Winter campaign',
        endsAt: '2027-08-31T23:00:00.000Z',
      }),
      after: expect.objectContaining({
        name: 'Winter campaign 2027',
        endsAt: '2027-12-31T00:00:00.000Z',
      }),
    });
  });

  it.each([
    [
      'an end before the stored start',
      { endsAt: '2027-01-01T00:00:00Z' },
      400,
      /end .* before it starts/,
    ],
    ['a slug change', { slug: 'new-slug' }, 400, /slug is not a known field/],
    ['nothing to change', {}, 400, /at least one/],
    ['an unknown theme', { themes: ['deterrence'] }, 400, /"deterrence", which is not a theme/],
  ])('refuses %s and changes nothing', async (_case, body, status, message) => {
    const before = await rowCounts();
    const stored = await db.campaign.findUniqueOrThrow({ where: { id } });
    const response = await call<ErrorBody>(patchCampaign, `/campaigns/${id}`, {
      method: 'PATCH',
      token: await tokenFor(LEAD),
      params: { id },
      body,
    });
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
    expect(await rowCounts()).toEqual(before);
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toEqual(stored);
  });

  it('refuses to take away a theme that messages use (409)', async () => {
    const draft = await call<{ id: string }>(postMessage, '/messages', {
      token: await tokenFor(LEAD),
      body: { campaignId: id, title: 'Harm', body: 'Every view repeats the harm.', theme: 'harm' },
    });
    expect(draft.status).toBe(201);
    const before = await rowCounts();
    const response = await call<ErrorBody>(patchCampaign, `/campaigns/${id}`, {
      method: 'PATCH',
      token: await tokenFor(LEAD),
      params: { id },
      body: { themes: ['help'] },
    });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain('harm (1 messages)');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a comms officer (403)', async () => {
    const response = await call<ErrorBody>(patchCampaign, `/campaigns/${id}`, {
      method: 'PATCH',
      token: await tokenFor('comms@cumbria.example'),
      params: { id },
      body: { name: 'Mine now' },
    });
    expect(response.status).toBe(403);
  });

  it('archives a campaign once; then it takes no edits and no new messages', async () => {
    const token = await tokenFor(LEAD);
    const archived = await call<CampaignView>(archiveCampaign, `/campaigns/${id}/archive`, {
      method: 'POST',
      token,
      params: { id },
    });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');
    const events = await auditOf(id);
    expect(events.at(-1)).toMatchObject({
      action: 'campaign.archive',
      before: expect.objectContaining({ status: 'active' }),
      after: expect.objectContaining({ status: 'archived' }),
    });

    const before = await rowCounts();
    const again = await call<ErrorBody>(archiveCampaign, `/campaigns/${id}/archive`, {
      method: 'POST',
      token,
      params: { id },
    });
    expect(again.status).toBe(409);
    const edit = await call<ErrorBody>(patchCampaign, `/campaigns/${id}`, {
      method: 'PATCH',
      token,
      params: { id },
      body: { name: 'x' },
    });
    expect(edit.status).toBe(409);
    const message = await call<ErrorBody>(postMessage, '/messages', {
      token,
      body: { campaignId: id, title: 'Late', body: 'Too late.', theme: 'help' },
    });
    expect(message.status).toBe(409);
    expect(message.body.error.message).toContain('is archived');
    expect(await rowCounts()).toEqual(before);
  });

  it('lists only archived campaigns when asked', async () => {
    const response = await call<Page<CampaignView>>(listCampaigns, '/campaigns', {
      token: await tokenFor(LEAD),
      query: { status: 'archived' },
    });
    expect(response.body.items.map((item) => item.id)).toEqual([id]);
  });
});
