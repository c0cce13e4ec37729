import { beforeAll, describe, expect, it } from 'vitest';
import {
  GET as listComments,
  POST as postComment,
} from '@/app/api/v1/messages/[id]/comments/route';
import { GET as getPreview } from '@/app/api/v1/messages/[id]/preview/route';
import { GET as getMessage, PATCH as patchMessage } from '@/app/api/v1/messages/[id]/route';
import { GET as listMessages, POST as postMessage } from '@/app/api/v1/messages/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { db } from '@/lib/db';
import { storeMedia } from '@/lib/media/store-media';
import { composePreview } from '@/lib/messages/compose-preview';
import type { CommentView, MessageDetail, MessageView } from '@/lib/messages/message-schemas';
import type { MessagePreview } from '@/lib/messages/preview-message';
import { currentSignpost, toSignpost } from '@/lib/signpost/signpost-store';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { actorFor, channelOf } from '../support/fixtures';
import { solidImage } from '../support/images';
import { auditOf, rowCounts } from '../support/row-counts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type Page<T> = { items: T[]; nextCursor: string | null };

const LEAD = 'lead@nw-rocu.example';
const LANCS = 'comms@lancashire.example';
const CUMBRIA = 'comms@cumbria.example';
const PARTNER = 'partner@manchester-city-council.example';
const VIEWER = 'viewer@cumbria.example';

let campaignId: string;
let helpOnlyCampaignId: string;
let imageId: string;

const draft = (fields: Record<string, unknown> = {}) => ({
  campaignId,
  title: 'Help is confidential',
  body: 'People in {area} can get confidential help to stop.',
  theme: 'help',
  ...fields,
});

async function create(email: string, fields: Record<string, unknown> = {}) {
  const response = await call<MessageView>(postMessage, '/messages', {
    method: 'POST',
    token: await tokenFor(email),
    body: draft(fields),
  });
  expect(response.status).toBe(201);
  return response.body;
}

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  // Issuing a token is itself audited: issue them all before any test counts audit events.
  for (const email of [LEAD, 'lead2@nw-rocu.example', LANCS, CUMBRIA, PARTNER, VIEWER])
    await tokenFor(email);
  campaignId = (await db.campaign.findUniqueOrThrow({ where: { slug: 'stop-it-now-north-west' } }))
    .id;
  helpOnlyCampaignId = (
    await db.campaign.create({
      data: {
        slug: 'help-only',
        name: 'Help only',
        startsAt: new Date('2026-01-01T00:00:00Z'),
        endsAt: new Date('2027-01-01T00:00:00Z'),
        themes: ['help'],
      },
    })
  ).id;
  const { actor } = await actorFor(LANCS);
  imageId = (await storeMedia(actor, await solidImage('png', 1200, 900))).media.id;
});

describe('POST /api/v1/messages', () => {
  it('drafts a message for its author, with one audit event holding what was written', async () => {
    const before = await rowCounts();
    const response = await call<MessageView>(postMessage, '/messages', {
      method: 'POST',
      token: await tokenFor(LANCS),
      body: draft({
        shareable: true,
        overrides: { bluesky: 'Help in {area}.' },
        media: [{ mediaId: imageId, altText: 'The helpline number on a blue card' }],
      }),
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      campaignId,
      title: 'Help is confidential',
      body: 'People in {area} can get confidential help to stop.',
      theme: 'help',
      shareable: true,
      overrides: { bluesky: 'Help in {area}.' },
      media: [{ mediaId: imageId, altText: 'The helpline number on a blue card' }],
      status: 'draft',
      author: { name: 'Lancashire comms officer' },
      approver: null,
      previousVersionId: null,
    });
    expect(await rowCounts()).toEqual({
      ...before,
      messages: before.messages + 1,
      messageMedia: before.messageMedia + 1,
      auditEvents: before.auditEvents + 1,
    });
    expect(await auditOf(response.body.id)).toEqual([
      expect.objectContaining({
        action: 'message.create',
        entityType: 'message',
        before: null,
        after: expect.objectContaining({ status: 'draft', body: response.body.body }),
      }),
    ]);
  });

  it('keeps HTML and script tags exactly as typed, as text', async () => {
    const typed = '<script>alert("hi")</script> & <b>bold</b> {area} <img src=x onerror=alert(1)>';
    const message = await create(LEAD, { title: '<i>Title</i>', body: typed });
    expect(message.body).toBe(typed);
    const stored = await db.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored).toMatchObject({ title: '<i>Title</i>', body: typed });
    const read = await call<MessageDetail>(getMessage, `/messages/${message.id}`, {
      token: await tokenFor(VIEWER),
      params: { id: message.id },
    });
    expect(read.body.body).toBe(typed);
  });

  it.each([PARTNER, VIEWER, 'admin@nw-rocu.example'])(
    'refuses %s (403) and writes nothing',
    async (email) => {
      const token = await tokenFor(email);
      const before = await rowCounts();
      const response = await call<ErrorBody>(postMessage, '/messages', {
        method: 'POST',
        token,
        body: draft(),
      });
      expect(response.status).toBe(403);
      expect(await rowCounts()).toEqual(before);
    },
  );

  const cases: [string, () => Record<string, unknown>, number, string | null, RegExp][] = [
    ['an empty body', () => ({ rawBody: '' }), 400, null, /empty/],
    [
      'an oversized body',
      () => ({ body: draft({ body: 'x'.repeat(70 * 1024) }) }),
      413,
      null,
      /64 KiB/,
    ],
    [
      'an empty title',
      () => ({ body: draft({ title: '  ' }) }),
      400,
      'title',
      /title must not be empty/,
    ],
    [
      'a title of 201 characters',
      () => ({ body: draft({ title: 't'.repeat(201) }) }),
      400,
      'title',
      /at most 200/,
    ],
    [
      'a body of only spaces',
      () => ({ body: draft({ body: ' \n ' }) }),
      400,
      'body',
      /body must not be empty/,
    ],
    [
      'a body of 5,001 characters',
      () => ({ body: draft({ body: 'b'.repeat(5001) }) }),
      400,
      'body',
      /at most 5,000/,
    ],
    ['no theme', () => ({ body: draft({ theme: undefined }) }), 400, 'theme', /theme is required/],
    [
      'an unknown theme',
      () => ({ body: draft({ theme: 'outreach' }) }),
      400,
      'theme',
      /"outreach", which is not a theme/,
    ],
    [
      'a theme the campaign does not have',
      () => ({ body: draft({ campaignId: helpOnlyCampaignId, theme: 'harm' }) }),
      400,
      'theme',
      /The theme "harm" is not one of the themes of "Help only" \(help\)/,
    ],
    [
      'an unknown placeholder',
      () => ({ body: draft({ body: 'Hello {force}, and {area}' }) }),
      400,
      'body',
      /\{force\}/,
    ],
    [
      'an unknown placeholder in an override',
      () => ({ body: draft({ overrides: { x: 'Hi {county}' } }) }),
      400,
      'overrides.x',
      /overrides\.x has unknown placeholder \{county\}/,
    ],
    [
      'an unknown platform',
      () => ({ body: draft({ overrides: { myspace: 'Hi' } }) }),
      400,
      'overrides.myspace',
      /not a known field/,
    ],
    [
      'an image without alt text',
      () => ({ body: draft({ media: [{ mediaId: imageId }] }) }),
      400,
      'media.0.altText',
      /altText is required: describe the image/,
    ],
    [
      'an image with blank alt text',
      () => ({ body: draft({ media: [{ mediaId: imageId, altText: '   ' }] }) }),
      400,
      'media.0.altText',
      /must not be empty/,
    ],
    [
      'an image that was never uploaded',
      () => ({ body: draft({ media: [{ mediaId: 'no-such-image', altText: 'A poster' }] }) }),
      400,
      'media.0.mediaId',
      /not found/,
    ],
    [
      'an unknown campaign',
      () => ({ body: draft({ campaignId: 'nope' }) }),
      400,
      'campaignId',
      /campaign was not found/,
    ],
    [
      'an unknown field',
      () => ({ body: draft({ status: 'approved' }) }),
      400,
      'status',
      /status is not a known field/,
    ],
  ];

  it.each(cases)(
    'refuses %s with the right status, naming the field, and writes nothing',
    async (_case, options, status, field, message) => {
      const token = await tokenFor(LEAD);
      const before = await rowCounts();
      const response = await call<ErrorBody>(postMessage, '/messages', {
        method: 'POST',
        token,
        ...options(),
      });
      expect(response.status).toBe(status);
      expect(response.body.error.message).toMatch(message);
      if (field) expect(response.body.error.fields).toHaveProperty([field]);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('names the placeholder and its field in the error', async () => {
    const response = await call<ErrorBody>(postMessage, '/messages', {
      method: 'POST',
      token: await tokenFor(LEAD),
      body: draft({ body: 'For {force} in {area}' }),
    });
    expect(response.body.error.fields).toEqual({
      body: 'has unknown placeholder {force}; use {organisation} or {area}',
    });
  });
});

describe('PATCH /api/v1/messages/:id', () => {
  it('lets the author edit their draft, recording before and after', async () => {
    const message = await create(CUMBRIA);
    const response = await call<MessageView>(patchMessage, `/messages/${message.id}`, {
      method: 'PATCH',
      token: await tokenFor(CUMBRIA),
      params: { id: message.id },
      body: { title: 'New title', media: [{ mediaId: imageId, altText: 'A blue card' }] },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      title: 'New title',
      body: message.body,
      media: [{ mediaId: imageId, altText: 'A blue card' }],
    });
    const events = await auditOf(message.id);
    expect(events.map((event) => event.action)).toEqual(['message.create', 'message.update']);
    expect(events[1]).toMatchObject({
      before: expect.objectContaining({ title: 'Help is confidential', media: [] }),
      after: expect.objectContaining({
        title: 'New title',
        media: [{ mediaId: imageId, altText: 'A blue card', altTextCy: null }],
      }),
    });
  });

  it('refuses someone else’s draft with 403 and changes nothing', async () => {
    const message = await create(CUMBRIA);
    for (const email of [LANCS, LEAD]) {
      const token = await tokenFor(email);
      const before = await rowCounts();
      const response = await call<ErrorBody>(patchMessage, `/messages/${message.id}`, {
        method: 'PATCH',
        token,
        params: { id: message.id },
        body: { title: 'Hijacked' },
      });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'Only the author (Cumbria comms officer) can edit this draft',
      );
      expect(await rowCounts()).toEqual(before);
    }
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).title).toBe(
      'Help is confidential',
    );
  });

  it('answers a partner with 404: a draft is not theirs to see', async () => {
    const message = await create(CUMBRIA, { shareable: true });
    const response = await call<ErrorBody>(patchMessage, `/messages/${message.id}`, {
      method: 'PATCH',
      token: await tokenFor(PARTNER),
      params: { id: message.id },
      body: { title: 'x' },
    });
    expect(response.status).toBe(404);
  });

  it('refuses to edit a message in review or approved (409)', async () => {
    for (const status of ['in_review', 'approved'] as const) {
      const message = await create(CUMBRIA);
      await db.message.update({ where: { id: message.id }, data: { status } });
      const before = await rowCounts();
      const response = await call<ErrorBody>(patchMessage, `/messages/${message.id}`, {
        method: 'PATCH',
        token: await tokenFor(CUMBRIA),
        params: { id: message.id },
        body: { body: 'Changed' },
      });
      expect(response.status).toBe(409);
      expect(response.body.error.message).toMatch(
        status === 'approved' ? /new version/ : /back to draft/,
      );
      expect(await rowCounts()).toEqual(before);
    }
  });

  it.each([
    ['nothing to change', {}, /at least one/],
    ['an unknown placeholder', { body: '{who} can help' }, /\{who\}/],
    [
      'a theme the campaign does not have',
      { theme: 'harm' },
      /not one of the themes of "Help only"/,
    ],
  ])('refuses %s with 400 and changes nothing', async (_case, body, message) => {
    const created = await create(LEAD, { campaignId: helpOnlyCampaignId });
    const before = await rowCounts();
    const response = await call<ErrorBody>(patchMessage, `/messages/${created.id}`, {
      method: 'PATCH',
      token: await tokenFor(LEAD),
      params: { id: created.id },
      body,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('reading messages', () => {
  let approvedShareable: string;
  let approvedPrivate: string;

  beforeAll(async () => {
    approvedShareable = (
      await db.message.findFirstOrThrow({
        where: { campaignId, status: 'approved', shareable: true },
      })
    ).id;
    approvedPrivate = (
      await db.message.findFirstOrThrow({
        where: { campaignId, status: 'approved', shareable: false },
      })
    ).id;
  });

  it('shows a partner an approved, shareable message', async () => {
    const response = await call<MessageDetail>(getMessage, `/messages/${approvedShareable}`, {
      token: await tokenFor(PARTNER),
      params: { id: approvedShareable },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'approved', shareable: true, comments: [] });
  });

  it('answers a partner 404 for an approved message that is not shareable, or a draft', async () => {
    const token = await tokenFor(PARTNER);
    const shareableDraft = await create(LEAD, { shareable: true });
    for (const id of [approvedPrivate, shareableDraft.id]) {
      const response = await call<ErrorBody>(getMessage, `/messages/${id}`, {
        token,
        params: { id },
      });
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe('Message was not found.');
    }
  });

  it('lists only approved, shareable messages to a partner, whatever they filter by', async () => {
    const token = await tokenFor(PARTNER);
    const all = await call<Page<MessageView>>(listMessages, '/messages', {
      token,
      query: { limit: '500' },
    });
    expect(all.body.items.length).toBeGreaterThan(0);
    expect(
      all.body.items.every((message) => message.status === 'approved' && message.shareable),
    ).toBe(true);
    const drafts = await call<Page<MessageView>>(listMessages, '/messages', {
      token,
      query: { status: 'draft' },
    });
    expect(drafts.body.items).toEqual([]);
  });

  it('filters by campaign, status and theme, newest first, a page at a time', async () => {
    const token = await tokenFor(VIEWER);
    const query = { campaignId, status: 'approved', theme: 'harm' };
    const all = await call<Page<MessageView>>(listMessages, '/messages', { token, query });
    expect(all.status).toBe(200);
    expect(all.body.items.map((message) => message.title).sort()).toEqual(
      [
        'Real children, real harm',
        'The harm does not end when the screen goes off',
        'Viewing creates demand',
      ].sort(),
    );
    const first = await call<Page<MessageView>>(listMessages, '/messages', {
      token,
      query: { ...query, limit: '2' },
    });
    const second = await call<Page<MessageView>>(listMessages, '/messages', {
      token,
      query: { ...query, limit: '2', cursor: first.body.nextCursor ?? '' },
    });
    expect([...first.body.items, ...second.body.items].map((message) => message.id)).toEqual(
      all.body.items.map((message) => message.id),
    );
    const created = all.body.items.map((message) => message.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('refuses an unknown status filter (400)', async () => {
    const response = await call<ErrorBody>(listMessages, '/messages', {
      token: await tokenFor(VIEWER),
      query: { status: 'published' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toHaveProperty('status');
  });

  it('answers 404 for a message that does not exist', async () => {
    const response = await call<ErrorBody>(getMessage, '/messages/nope', {
      token: await tokenFor(LEAD),
      params: { id: 'nope' },
    });
    expect(response.status).toBe(404);
  });
});

describe('comments', () => {
  it('lets a comms officer comment on any message they can see, audited under the message', async () => {
    const message = await create(LEAD);
    const before = await rowCounts();
    const response = await call<CommentView>(postComment, `/messages/${message.id}/comments`, {
      method: 'POST',
      token: await tokenFor(CUMBRIA),
      params: { id: message.id },
      body: { body: 'Could we say <b>free</b> to call?' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      messageId: message.id,
      author: { name: 'Cumbria comms officer' },
      body: 'Could we say <b>free</b> to call?',
    });
    expect(await rowCounts()).toEqual({
      ...before,
      comments: before.comments + 1,
      auditEvents: before.auditEvents + 1,
    });
    expect((await auditOf(message.id)).at(-1)).toMatchObject({
      action: 'message.comment',
      after: {
        comment: expect.objectContaining({
          id: response.body.id,
          body: 'Could we say <b>free</b> to call?',
        }),
      },
    });
    const detail = await call<MessageDetail>(getMessage, `/messages/${message.id}`, {
      token: await tokenFor(LEAD),
      params: { id: message.id },
    });
    expect(detail.body.comments.map((comment) => comment.body)).toEqual([
      'Could we say <b>free</b> to call?',
    ]);
    const listed = await call<Page<CommentView>>(listComments, `/messages/${message.id}/comments`, {
      token: await tokenFor(VIEWER),
      params: { id: message.id },
    });
    expect(listed.body.items.map((comment) => comment.id)).toEqual([response.body.id]);
  });

  it('refuses comments from partners and viewers (403), an empty comment (400), and hides drafts from partners (404)', async () => {
    const approved = await db.message.findFirstOrThrow({
      where: { status: 'approved', shareable: true },
    });
    const hidden = await create(LEAD);
    const attempts: [string, string, unknown, number][] = [
      [PARTNER, approved.id, { body: 'Nice' }, 403],
      [VIEWER, approved.id, { body: 'Nice' }, 403],
      [LANCS, approved.id, { body: '   ' }, 400],
      [PARTNER, hidden.id, { body: 'Nice' }, 404],
    ];
    for (const [email, id, body, status] of attempts) {
      const token = await tokenFor(email);
      const before = await rowCounts();
      const response = await call(postComment, `/messages/${id}/comments`, {
        method: 'POST',
        token,
        params: { id },
        body,
      });
      expect(response.status, `${email} on ${id}`).toBe(status);
      expect(await rowCounts()).toEqual(before);
    }
  });
});

describe('GET /api/v1/messages/:id/preview', () => {
  it('shows a comms officer exactly what their own channel would publish now', async () => {
    const message = await create(LEAD, { overrides: { x: 'On X: help in {area}.' } });
    const channel = await channelOf('lancashire', 'facebook');
    const response = await call<MessagePreview>(getPreview, `/messages/${message.id}/preview`, {
      token: await tokenFor(LANCS),
      params: { id: message.id },
      query: { channelId: channel.id },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      platform: 'facebook',
      signpostVersion: 1,
      valid: true,
      problems: [],
      usesOverride: false,
      organisation: { slug: 'lancashire', name: 'Lancashire Constabulary' },
    });
    expect(response.body.text).toMatch(
      /^People in Lancashire can get confidential help to stop\.\n\n/,
    );
    expect(response.body.text).toContain('0808 1000 900');
    expect(response.body.text).toContain(
      'utm_source=facebook&utm_medium=social&utm_campaign=stop-it-now-north-west&utm_content=lancashire',
    );
    expect(response.body.length).toBe(response.body.text.length);

    // The same text the composer's pure preview shows.
    const signpost = toSignpost(await currentSignpost());
    const organisation = await db.organisation.findUniqueOrThrow({ where: { slug: 'lancashire' } });
    const composed = composePreview({
      body: message.body,
      overrides: message.overrides,
      organisation,
      campaignSlug: 'stop-it-now-north-west',
      signpost,
    });
    expect(response.body.text).toBe(composed.facebook.text);

    const x = await call<MessagePreview>(getPreview, `/messages/${message.id}/preview`, {
      token: await tokenFor(LANCS),
      params: { id: message.id },
      query: { channelId: (await channelOf('lancashire', 'x')).id },
    });
    expect(x.body).toMatchObject({ platform: 'x', usesOverride: true });
    expect(x.body.text).toMatch(/^On X: help in Lancashire\./);
  });

  it('answers 404 to a comms officer for another force’s channel, and shows it to a campaign lead', async () => {
    const message = await create(LEAD);
    const cumbriaChannel = await channelOf('cumbria', 'x');
    const other = await call<ErrorBody>(getPreview, `/messages/${message.id}/preview`, {
      token: await tokenFor(LANCS),
      params: { id: message.id },
      query: { channelId: cumbriaChannel.id },
    });
    expect(other.status).toBe(404);
    expect(other.body.error.message).toBe('Channel was not found.');
    const lead = await call<MessagePreview>(getPreview, `/messages/${message.id}/preview`, {
      token: await tokenFor(LEAD),
      params: { id: message.id },
      query: { channelId: cumbriaChannel.id },
    });
    expect(lead.status).toBe(200);
    expect(lead.body.text).toContain('utm_content=cumbria');
  });

  it('reports an Instagram caption without an image as not valid, and with one as valid', async () => {
    const withoutImage = await create(LEAD);
    const withImage = await create(LANCS, {
      media: [{ mediaId: imageId, altText: 'A blue card' }],
    });
    const channel = await channelOf('lancashire', 'instagram');
    const token = await tokenFor(LANCS);
    const bare = await call<MessagePreview>(getPreview, `/messages/${withoutImage.id}/preview`, {
      token,
      params: { id: withoutImage.id },
      query: { channelId: channel.id },
    });
    expect(bare.body).toMatchObject({
      valid: false,
      problems: [
        { code: 'media_required', message: 'Instagram cannot publish text alone; add an image.' },
      ],
    });
    const pictured = await call<MessagePreview>(getPreview, `/messages/${withImage.id}/preview`, {
      token,
      params: { id: withImage.id },
      query: { channelId: channel.id },
    });
    expect(pictured.body).toMatchObject({ valid: true, problems: [] });
  });

  it('answers a partner 404 for a message they may not see, and 400 without a channel', async () => {
    const hidden = await create(LEAD);
    const channel = await db.channel.findFirstOrThrow({
      where: { organisation: { slug: 'manchester-city-council' } },
    });
    const token = await tokenFor(PARTNER);
    const response = await call<ErrorBody>(getPreview, `/messages/${hidden.id}/preview`, {
      token,
      params: { id: hidden.id },
      query: { channelId: channel.id },
    });
    expect(response.status).toBe(404);
    const noChannel = await call<ErrorBody>(getPreview, `/messages/${hidden.id}/preview`, {
      token: await tokenFor(LEAD),
      params: { id: hidden.id },
    });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body.error.fields).toHaveProperty('channelId');
  });
});

describe('the OpenAPI document', () => {
  it('describes the campaign, message, signpost and audit routes', async () => {
    const response = await call<{ paths: Record<string, Record<string, unknown>> }>(
      getOpenApi,
      '/openapi.json',
    );
    for (const [path, method] of [
      ['/campaigns', 'post'],
      ['/campaigns/{id}', 'patch'],
      ['/messages', 'get'],
      ['/messages/{id}', 'patch'],
      ['/messages/{id}/submit', 'post'],
      ['/messages/{id}/approve', 'post'],
      ['/messages/{id}/reject', 'post'],
      ['/messages/{id}/new-version', 'post'],
      ['/messages/{id}/comments', 'post'],
      ['/messages/{id}/preview', 'get'],
      ['/signpost', 'put'],
      ['/signpost/history', 'get'],
      ['/audit', 'get'],
    ] as const) {
      expect(response.body.paths[path], path).toHaveProperty(method);
    }
  });
});
