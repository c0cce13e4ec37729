import { beforeAll, describe, expect, it } from 'vitest';
import { POST as approve } from '@/app/api/v1/messages/[id]/approve/route';
import { POST as newVersion } from '@/app/api/v1/messages/[id]/new-version/route';
import { POST as reject } from '@/app/api/v1/messages/[id]/reject/route';
import { GET as getMessage, PATCH as patchMessage } from '@/app/api/v1/messages/[id]/route';
import { POST as submit } from '@/app/api/v1/messages/[id]/submit/route';
import { POST as postMessage } from '@/app/api/v1/messages/route';
import { PUT as putSignpost } from '@/app/api/v1/signpost/route';
import { db } from '@/lib/db';
import { storeMedia } from '@/lib/media/store-media';
import { checkStoredMessage } from '@/lib/messages/check-stored-message';
import type { MessageDetail, MessageView, ReviewedMessage } from '@/lib/messages/message-schemas';
import { currentSignpost } from '@/lib/signpost/signpost-store';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { actorFor } from '../support/fixtures';
import { solidImage } from '../support/images';
import { auditOf, rowCounts } from '../support/row-counts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const LEAD = 'lead@nw-rocu.example';
const LEAD2 = 'lead2@nw-rocu.example';
const LANCS = 'comms@lancashire.example';
const CUMBRIA = 'comms@cumbria.example';
const PARTNER = 'partner@lancashire-county-council.example';

let campaignId: string;

async function draftBy(email: string, fields: Record<string, unknown> = {}): Promise<MessageView> {
  const response = await call<MessageView>(postMessage, '/messages', {
    method: 'POST',
    token: await tokenFor(email),
    body: {
      campaignId,
      title: 'Help is there',
      body: 'Help to stop is there for people in {area}.',
      theme: 'help',
      ...fields,
    },
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function act(route: typeof submit, name: string, email: string, id: string, body?: unknown) {
  return call<ReviewedMessage & MessageView & ErrorBody>(route, `/messages/${id}/${name}`, {
    method: 'POST',
    token: await tokenFor(email),
    params: { id },
    ...(body === undefined ? {} : { body }),
  });
}

async function inReviewBy(
  email: string,
  fields: Record<string, unknown> = {},
): Promise<MessageView> {
  const message = await draftBy(email, fields);
  const submitted = await act(submit, 'submit', email, message.id);
  expect(submitted.status).toBe(200);
  return submitted.body.message;
}

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  // Issuing a token is itself audited: issue them all before any test counts audit events.
  for (const email of [LEAD, LEAD2, LANCS, CUMBRIA, PARTNER, 'viewer@cumbria.example'])
    await tokenFor(email);
  campaignId = (await db.campaign.findUniqueOrThrow({ where: { slug: 'stop-it-now-north-west' } }))
    .id;
});

describe('draft → in review → approved', () => {
  it('records exactly one audit event per step, each with its before and after', async () => {
    const message = await draftBy(LANCS);
    const submitted = await act(submit, 'submit', LANCS, message.id);
    expect(submitted.status).toBe(200);
    expect(submitted.body.message).toMatchObject({
      status: 'in_review',
      submittedAt: expect.any(String),
    });
    // Text only: Instagram cannot publish it, and says so — a warning, not a refusal.
    expect(submitted.body.warnings).toEqual([
      expect.objectContaining({ field: 'media', platform: 'instagram', code: 'media_required' }),
    ]);

    const approved = await act(approve, 'approve', LEAD, message.id);
    expect(approved.status).toBe(200);
    expect(approved.body.message).toMatchObject({
      status: 'approved',
      approver: { name: 'Leah Whitfield' },
      approvedAt: expect.any(String),
      rejectionReason: null,
    });

    const events = await auditOf(message.id);
    expect(
      events.map(({ action, before, after }) => [
        action,
        (before as { status?: string } | null)?.status ?? null,
        (after as { status: string }).status,
      ]),
    ).toEqual([
      ['message.create', null, 'draft'],
      ['message.submit', 'draft', 'in_review'],
      ['message.approve', 'in_review', 'approved'],
    ]);
    expect(events[2]?.actorLabel).toMatch(/^lead@nw-rocu\.example/);
  });

  it('lets only the author submit (403 for anyone else) and only once (409)', async () => {
    const message = await draftBy(LANCS);
    for (const email of [CUMBRIA, LEAD]) {
      const before = await rowCounts();
      const response = await act(submit, 'submit', email, message.id);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'Only the author (Lancashire comms officer) can submit',
      );
      expect(await rowCounts()).toEqual(before);
    }
    expect((await act(submit, 'submit', LANCS, message.id)).status).toBe(200);
    const before = await rowCounts();
    const again = await act(submit, 'submit', LANCS, message.id);
    expect(again.status).toBe(409);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses the author approving their own message (403), in plain words', async () => {
    const message = await inReviewBy(LEAD);
    const before = await rowCounts();
    const response = await act(approve, 'approve', LEAD, message.id);
    expect(response.status).toBe(403);
    expect(response.body.error).toEqual({
      code: 'forbidden',
      message: 'You wrote this message, so someone else must approve it.',
    });
    expect(await rowCounts()).toEqual(before);
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe(
      'in_review',
    );
  });

  it('refuses approving twice (409), leaving the first approval as it was', async () => {
    const message = await inReviewBy(LANCS);
    expect((await act(approve, 'approve', LEAD, message.id)).status).toBe(200);
    const first = await db.message.findUniqueOrThrow({ where: { id: message.id } });
    const before = await rowCounts();
    const again = await act(approve, 'approve', LEAD2, message.id);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This message is already approved.');
    expect(await rowCounts()).toEqual(before);
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toEqual(first);
  });

  it('approves once when two leads approve at the same moment', async () => {
    const message = await inReviewBy(LANCS);
    const before = await rowCounts();
    const [one, two] = await Promise.all([
      act(approve, 'approve', LEAD, message.id),
      act(approve, 'approve', LEAD2, message.id),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    expect(await rowCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
  });

  it('refuses approving a draft (409) and approval by a comms officer (403)', async () => {
    const message = await draftBy(LANCS);
    const draft = await act(approve, 'approve', LEAD, message.id);
    expect(draft.status).toBe(409);
    expect(draft.body.error.message).toMatch(/still a draft/);
    const inReview = await inReviewBy(LEAD);
    const comms = await act(approve, 'approve', CUMBRIA, inReview.id);
    expect(comms.status).toBe(403);
    expect(comms.body.error.message).toBe('Only campaign leads can approve messages.');
  });

  it('answers a partner 404 for a message in review', async () => {
    const message = await inReviewBy(LANCS, { shareable: true });
    expect((await act(approve, 'approve', PARTNER, message.id)).status).toBe(404);
  });
});

describe('sending back to draft', () => {
  it('keeps the reason on the message until it is approved', async () => {
    const message = await inReviewBy(LANCS);
    const rejected = await act(reject, 'reject', LEAD, message.id, {
      reason: 'Please say the call is free.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'draft',
      rejectionReason: 'Please say the call is free.',
    });
    expect((await auditOf(message.id)).at(-1)).toMatchObject({
      action: 'message.reject',
      before: expect.objectContaining({ status: 'in_review', rejectionReason: null }),
      after: expect.objectContaining({
        status: 'draft',
        rejectionReason: 'Please say the call is free.',
      }),
    });

    const edited = await call<MessageView>(patchMessage, `/messages/${message.id}`, {
      method: 'PATCH',
      token: await tokenFor(LANCS),
      params: { id: message.id },
      body: { body: 'Help to stop is free and confidential in {area}.' },
    });
    expect(edited.body).toMatchObject({
      status: 'draft',
      rejectionReason: 'Please say the call is free.',
    });
    expect((await act(submit, 'submit', LANCS, message.id)).body.message.rejectionReason).toBe(
      'Please say the call is free.',
    );
    const approved = await act(approve, 'approve', LEAD2, message.id);
    expect(approved.body.message).toMatchObject({ status: 'approved', rejectionReason: null });
  });

  it.each([
    ['no reason', {}, 400, /reason is required/],
    ['a blank reason', { reason: '  ' }, 400, /reason must not be empty/],
    ['an unknown field', { reason: 'x', severity: 'high' }, 400, /severity is not a known field/],
  ])('refuses %s and changes nothing', async (_case, body, status, message) => {
    const inReview = await inReviewBy(LANCS);
    const before = await rowCounts();
    const response = await act(reject, 'reject', LEAD, inReview.id, body);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
    expect(await rowCounts()).toEqual(before);
    expect((await db.message.findUniqueOrThrow({ where: { id: inReview.id } })).status).toBe(
      'in_review',
    );
  });

  it('refuses sending back a draft (409), one’s own message (403), and by a comms officer (403)', async () => {
    const draft = await draftBy(LANCS);
    expect((await act(reject, 'reject', LEAD, draft.id, { reason: 'x' })).status).toBe(409);
    const own = await inReviewBy(LEAD);
    expect((await act(reject, 'reject', LEAD, own.id, { reason: 'x' })).status).toBe(403);
    expect((await act(reject, 'reject', CUMBRIA, own.id, { reason: 'x' })).status).toBe(403);
  });
});

describe('checks before submit and approve', () => {
  it('warns, without refusing, when the body is too long for X and names the fix', async () => {
    const body = `Help to stop is there for people in {area}. ${'Nobody needs to struggle with this alone. '.repeat(6)}`;
    const message = await draftBy(LANCS, { body });
    const response = await act(submit, 'submit', LANCS, message.id);
    expect(response.status).toBe(200);
    const x = response.body.warnings.find((warning) => warning.platform === 'x');
    expect(x).toMatchObject({
      field: 'body',
      code: 'too_long',
      organisations: expect.arrayContaining(['lancashire', 'nw-rocu']),
    });
    expect(x?.message).toMatch(
      /^X: [\d,]+ characters over the 280 limit, even with the short signpost\. Add a shorter X version to publish there\.$/,
    );
  });

  it('refuses to submit a message whose X version cannot fit (400), naming the field, and changes nothing', async () => {
    const message = await draftBy(LANCS, {
      overrides: { x: 'Nobody needs to struggle alone. '.repeat(9) },
    });
    const before = await rowCounts();
    const response = await act(submit, 'submit', LANCS, message.id);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^This message cannot be submitted yet: X: [\d,]+ characters over the 280 limit/,
    );
    expect(response.body.error.fields?.['overrides.x']).toMatch(/Shorten the X version\.$/);
    expect(await rowCounts()).toEqual(before);
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe(
      'draft',
    );
  });

  it('refuses an approval (409) when the signpost has since changed so the message no longer fits', async () => {
    const xVersion =
      `Help to stop is there. ${'Nobody needs to struggle alone. '.repeat(5)}`.trim();
    const message = await inReviewBy(LANCS, { overrides: { x: xVersion } });

    const signpost = await currentSignpost();
    const longer =
      'If you are worried about your own online behaviour, or someone else’s, confidential and anonymous help is here: {phone} {url}';
    const changed = await call(putSignpost, '/signpost', {
      method: 'PUT',
      token: await tokenFor(LEAD2),
      body: {
        helplineName: signpost.helplineName,
        phone: signpost.phone,
        url: signpost.url,
        wording: { ...signpost.wording, x: { full: longer, short: longer } },
      },
    });
    expect(changed.status).toBe(200);

    const before = await rowCounts();
    const response = await act(approve, 'approve', LEAD, message.id);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(
      /^This message cannot be approved yet: X: [\d,]+ characters over the 280 limit/,
    );
    expect(response.body.error.fields).toHaveProperty(['overrides.x']);
    expect(await rowCounts()).toEqual(before);
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe(
      'in_review',
    );
  });

  it('can be run without changing anything, for the Approvals page', async () => {
    const body = `Help to stop is there for people in {area}. ${'Nobody needs to struggle with this alone. '.repeat(6)}`;
    const message = await draftBy(LANCS, { body });
    const before = await rowCounts();
    const { actor } = await actorFor(LEAD2);
    const check = await checkStoredMessage(actor, message.id);
    expect(check.ok).toBe(true);
    expect(check.warnings.map((warning) => warning.platform).sort()).toEqual([
      'bluesky',
      'instagram',
      'x',
    ]);
    expect(await rowCounts()).toEqual(before);
    const { actor: partner } = await actorFor(PARTNER);
    await expect(checkStoredMessage(partner, message.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('judges each platform’s own copy of the images: an image clears Instagram’s warning', async () => {
    const { actor } = await actorFor(CUMBRIA);
    const { media } = await storeMedia(
      actor,
      await solidImage('png', 1600, 1200, { colour: '#23395d' }),
    );
    const message = await draftBy(CUMBRIA, {
      media: [{ mediaId: media.id, altText: 'The helpline number in white on navy' }],
    });
    const response = await act(submit, 'submit', CUMBRIA, message.id);
    expect(response.status).toBe(200);
    expect(response.body.warnings).toEqual([]);
  });
});

describe('new versions', () => {
  it('copies an approved message into a new draft of the caller’s, linked to it', async () => {
    const original = await db.message.findFirstOrThrow({
      where: { campaignId, status: 'approved', title: 'Change is possible' },
    });
    const before = await rowCounts();
    const response = await act(newVersion, 'new-version', CUMBRIA, original.id);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'draft',
      title: original.title,
      body: original.body,
      overrides: original.overrides,
      theme: original.theme,
      previousVersionId: original.id,
      author: { name: 'Cumbria comms officer' },
      approver: null,
      approvedAt: null,
    });
    // The demo message carries its campaign card; the new version carries it too.
    expect(await rowCounts()).toEqual({
      ...before,
      messages: before.messages + 1,
      messageMedia: before.messageMedia + 1,
      auditEvents: before.auditEvents + 1,
    });
    expect(await auditOf(response.body.id)).toEqual([
      expect.objectContaining({
        action: 'message.new_version',
        before: null,
        after: expect.objectContaining({ previousVersionId: original.id }),
      }),
    ]);
    // The approved message itself is untouched.
    expect(await db.message.findUniqueOrThrow({ where: { id: original.id } })).toEqual(original);
    const copy = await call<MessageDetail>(getMessage, `/messages/${response.body.id}`, {
      token: await tokenFor(CUMBRIA),
      params: { id: response.body.id },
    });
    expect(copy.body.status).toBe('draft');
  });

  it('refuses a new version of a draft (409), and answers a partner 404 or 403', async () => {
    const draft = await draftBy(LANCS);
    const before = await rowCounts();
    const response = await act(newVersion, 'new-version', LANCS, draft.id);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/Only an approved message/);
    const shareable = await db.message.findFirstOrThrow({
      where: { status: 'approved', shareable: true },
    });
    expect((await act(newVersion, 'new-version', PARTNER, shareable.id)).status).toBe(403);
    expect((await act(newVersion, 'new-version', PARTNER, draft.id)).status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});
