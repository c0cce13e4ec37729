import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getPreview } from '@/app/api/v1/messages/[id]/preview/route';
import { GET as getHistory } from '@/app/api/v1/signpost/history/route';
import { GET as getSignpost, PUT as putSignpost } from '@/app/api/v1/signpost/route';
import { db } from '@/lib/db';
import type { MessagePreview } from '@/lib/messages/preview-message';
import { PLATFORMS } from '@/lib/platforms/types';
import { DEFAULT_SIGNPOST } from '@/lib/signpost/default-signpost';
import type { SignpostHistoryEntry } from '@/lib/signpost/signpost-history';
import type { SignpostView } from '@/lib/signpost/signpost-store';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { channelOf } from '../support/fixtures';
import { rowCounts } from '../support/row-counts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type Page<T> = { items: T[]; nextCursor: string | null };

const LEAD = 'lead@nw-rocu.example';
const ADMIN = 'admin@nw-rocu.example';
const OTHERS = [
  'comms@lancashire.example',
  'partner@manchester-city-council.example',
  'viewer@cumbria.example',
];

const update = (fields: Record<string, unknown> = {}) => ({
  helplineName: DEFAULT_SIGNPOST.helplineName,
  phone: DEFAULT_SIGNPOST.phone,
  url: DEFAULT_SIGNPOST.url,
  wording: DEFAULT_SIGNPOST.wording,
  ...fields,
});
const withWording = (platform: string, form: 'full' | 'short', text: string) =>
  update({
    wording: {
      ...DEFAULT_SIGNPOST.wording,
      [platform]: { ...DEFAULT_SIGNPOST.wording[platform as 'x'], [form]: text },
    },
  });

async function put(email: string, body: unknown) {
  return call<SignpostView & ErrorBody>(putSignpost, '/signpost', {
    method: 'PUT',
    token: await tokenFor(email),
    body,
  });
}

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  // Issuing a token is itself audited: issue them all before any test counts audit events.
  for (const email of [LEAD, 'lead2@nw-rocu.example', ADMIN, ...OTHERS]) await tokenFor(email);
});

describe('PUT /api/v1/signpost', () => {
  it('adds version 2, which the signpost route and previews then use, audited with before and after', async () => {
    const before = await rowCounts();
    const response = await put(
      LEAD,
      update({
        phone: '0808 1000 900',
        note: 'Clearer wording for Bluesky',
        wording: {
          ...DEFAULT_SIGNPOST.wording,
          bluesky: {
            full: 'Worried about online behaviour? Confidential help: {phone} {url}',
            short: 'Help: {phone} {url}',
          },
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 2, note: 'Clearer wording for Bluesky' });
    expect(await rowCounts()).toEqual({
      ...before,
      signpostVersions: before.signpostVersions + 1,
      auditEvents: before.auditEvents + 1,
    });

    const current = await call<SignpostView>(getSignpost, '/signpost', {
      token: await tokenFor('viewer@cumbria.example'),
    });
    expect(current.body.version).toBe(2);
    expect(current.body.wording.bluesky.full).toBe(
      'Worried about online behaviour? Confidential help: {phone} {url}',
    );

    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'signpost.update' },
      orderBy: { id: 'desc' },
    });
    expect(event).toMatchObject({
      entityType: 'signpost',
      before: expect.objectContaining({ version: 1 }),
      after: expect.objectContaining({ version: 2, note: 'Clearer wording for Bluesky' }),
    });

    const message = await db.message.findFirstOrThrow({
      where: { status: 'approved', title: 'Change is possible' },
    });
    const channel = await channelOf('merseyside', 'bluesky');
    const preview = await call<MessagePreview>(getPreview, `/messages/${message.id}/preview`, {
      token: await tokenFor('comms@merseyside.example'),
      params: { id: message.id },
      query: { channelId: channel.id },
    });
    expect(preview.body).toMatchObject({ signpostVersion: 2, valid: true });
    // Bluesky shows the link as the website's address; the tagged URL travels in its facet.
    expect(preview.body.text).toMatch(
      /Worried about online behaviour\? Confidential help: 0808 1000 900 get-help\.stopitnow\.org\.uk$/,
    );
  });

  it('lets an administrator change it too', async () => {
    const response = await put(ADMIN, update({ note: 'Back to the first wording' }));
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(3);
  });

  it.each(OTHERS)('refuses %s (403) and writes nothing', async (email) => {
    const token = await tokenFor(email);
    const before = await rowCounts();
    const response = await call<ErrorBody>(putSignpost, '/signpost', {
      method: 'PUT',
      token,
      body: update(),
    });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'Only campaign leads and administrators can change the signpost.',
    );
    expect(await rowCounts()).toEqual(before);
  });

  const { x: _x, ...withoutX } = DEFAULT_SIGNPOST.wording;
  const cases: [string, Record<string, unknown>, number, string | null, RegExp][] = [
    ['an empty body', { rawBody: '' }, 400, null, /empty/],
    ['an oversized body', { body: update({ note: 'n'.repeat(70 * 1024) }) }, 413, null, /64 KiB/],
    [
      'a phone number of 9 digits',
      { body: update({ phone: '0808 100 09' }) },
      400,
      'phone',
      /10 to 13 digits/,
    ],
    [
      'a phone number of 14 digits',
      { body: update({ phone: '+44 0808 1000 9000' }) },
      400,
      'phone',
      /10 to 13 digits/,
    ],
    [
      'a phone number with letters',
      { body: update({ phone: '0808 STOP IT' }) },
      400,
      'phone',
      /must be a phone number/,
    ],
    [
      'a web address that is not https',
      { body: update({ url: 'http://get-help.stopitnow.org.uk' }) },
      400,
      'url',
      /https/,
    ],
    ['a script address', { body: update({ url: 'javascript:alert(1)' }) }, 400, 'url', /https/],
    // Help-seekers' privacy (issue 7): the link never passes through Signpost or a shortener.
    [
      'a link through Signpost itself',
      { body: update({ url: 'https://localhost:3000/go/helpline' }) },
      400,
      'url',
      /never through Signpost/,
    ],
    [
      'a shortened link',
      { body: update({ url: 'https://bit.ly/stopitnow' }) },
      400,
      'url',
      /link shortener/,
    ],
    ['a missing platform', { body: update({ wording: withoutX }) }, 400, 'wording.x', /wording\.x/],
    [
      'an unknown platform',
      {
        body: update({
          wording: { ...DEFAULT_SIGNPOST.wording, myspace: { full: '{phone}', short: '{phone}' } },
        }),
      },
      400,
      'wording.myspace',
      /not a known field/,
    ],
    [
      'a template without the number',
      { body: withWording('mastodon', 'full', 'Get help at {url}') },
      400,
      'wording.mastodon.full',
      /must contain \{phone\}/,
    ],
    [
      'a clickable platform without the link',
      { body: withWording('facebook', 'short', 'Call {phone}') },
      400,
      'wording.facebook.short',
      /must contain \{url\}: links can be clicked on Facebook/,
    ],
    [
      'an unknown placeholder',
      { body: withWording('x', 'full', 'Call {phone} or visit {website} {url}') },
      400,
      'wording.x.full',
      /unknown placeholder \{website\}/,
    ],
    [
      'an unknown field',
      { body: update({ colour: 'blue' }) },
      400,
      'colour',
      /colour is not a known field/,
    ],
  ];

  it.each(cases)(
    'refuses %s, naming the field, and writes nothing',
    async (_case, options, status, field, message) => {
      const token = await tokenFor(LEAD);
      const before = await rowCounts();
      const response = await call<ErrorBody>(putSignpost, '/signpost', {
        method: 'PUT',
        token,
        ...options,
      });
      expect(response.status).toBe(status);
      expect(response.body.error.message).toMatch(message);
      if (field) expect(response.body.error.fields).toHaveProperty([field]);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('accepts Instagram wording without a link: captions cannot link', async () => {
    const response = await put(
      LEAD,
      withWording('instagram', 'short', 'Confidential help: call {phone}.'),
    );
    expect(response.status).toBe(200);
  });

  it('refuses a change made from a version that is no longer current (409)', async () => {
    const current = (
      await call<SignpostView>(getSignpost, '/signpost', { token: await tokenFor(LEAD) })
    ).body.version;
    const before = await rowCounts();
    const response = await put(LEAD, update({ basedOnVersion: current - 1 }));
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain(`now at version ${current}, not ${current - 1}`);
    expect(await rowCounts()).toEqual(before);
    expect((await put(LEAD, update({ basedOnVersion: current }))).body.version).toBe(current + 1);
  });

  it('takes back what GET gives with one field changed, its version as the concurrency check', async () => {
    const read = await call<SignpostView>(getSignpost, '/signpost', {
      token: await tokenFor(LEAD),
    });
    const changed = { ...read.body, helplineName: 'Stop It Now helpline' };
    const saved = await put(LEAD, changed);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: read.body.version + 1,
      helplineName: 'Stop It Now helpline',
    });

    const before = await rowCounts();
    const stale = await put(LEAD, changed);
    expect(stale.status).toBe(409);
    const unknown = await put(LEAD, { ...saved.body, colour: 'blue' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ colour: 'is not a known field' });
    expect(await rowCounts()).toEqual(before);
    await put(LEAD, { ...saved.body, helplineName: read.body.helplineName });
  });

  it('gives three leads saving at the same moment three consecutive versions', async () => {
    const start =
      (await db.signpostVersion.aggregate({ _max: { version: true } }))._max.version ?? 0;
    const before = await rowCounts();
    const responses = await Promise.all(
      [LEAD, 'lead2@nw-rocu.example', ADMIN].map((email, index) =>
        put(email, update({ note: `Save ${index}` })),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(responses.map((response) => response.body.version).sort((a, b) => a - b)).toEqual([
      start + 1,
      start + 2,
      start + 3,
    ]);
    expect(await rowCounts()).toEqual({
      ...before,
      signpostVersions: before.signpostVersions + 3,
      auditEvents: before.auditEvents + 3,
    });
  });
});

describe('GET /api/v1/signpost/history', () => {
  it('lists every version newest first, with who made it, a page at a time', async () => {
    const token = await tokenFor('comms@lancashire.example');
    const all = await call<Page<SignpostHistoryEntry>>(getHistory, '/signpost/history', {
      token,
      query: { limit: '500' },
    });
    expect(all.status).toBe(200);
    const versions = all.body.items.map((entry) => entry.version);
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    expect(versions.at(-1)).toBe(1);
    expect(all.body.items.at(-1)).toMatchObject({
      createdBy: null,
      note: 'The campaign’s first signpost',
    });
    expect(all.body.items.find((entry) => entry.version === 2)).toMatchObject({
      createdBy: { name: 'Leah Whitfield' },
    });
    expect(Object.keys(all.body.items[0]?.wording ?? {})).toEqual(
      expect.arrayContaining([...PLATFORMS]),
    );

    const first = await call<Page<SignpostHistoryEntry>>(getHistory, '/signpost/history', {
      token,
      query: { limit: '2' },
    });
    const second = await call<Page<SignpostHistoryEntry>>(getHistory, '/signpost/history', {
      token,
      query: { limit: '500', cursor: first.body.nextCursor ?? '' },
    });
    expect([...first.body.items, ...second.body.items].map((entry) => entry.version)).toEqual(
      versions,
    );
  });
});
