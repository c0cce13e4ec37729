import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getAudit } from '@/app/api/v1/audit/route';
import { POST as postComment } from '@/app/api/v1/messages/[id]/comments/route';
import { POST as submit } from '@/app/api/v1/messages/[id]/submit/route';
import { POST as postMessage } from '@/app/api/v1/messages/route';
import { db } from '@/lib/db';
import { describeAction } from '@/lib/audit/audit-actions';
import { changedFields } from '@/lib/audit/audit-changes';
import { auditNames, auditSubjectKey, whoDid } from '@/lib/audit/audit-subjects';
import type { AuditEventView } from '@/lib/audit/list-audit';
import { recordAudit, SYSTEM_ACTOR } from '@/lib/audit/record-audit';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import type { MessageView } from '@/lib/messages/message-schemas';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { actorFor, approvedMessage, channelOf } from '../support/fixtures';
import { rowCounts } from '../support/row-counts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type Page<T> = { items: T[]; nextCursor: string | null };

const LEAD = 'lead@nw-rocu.example';
const LANCS = 'comms@lancashire.example';

let messageId: string;
let between: { from: string; to: string };

async function audit(query: Record<string, string>, email = LEAD) {
  return call<Page<AuditEventView> & ErrorBody>(getAudit, '/audit', {
    token: await tokenFor(email),
    query,
  });
}

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  for (const email of [LEAD, LANCS, 'admin@nw-rocu.example', 'viewer@cumbria.example'])
    await tokenFor(email);
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { slug: 'stop-it-now-north-west' },
  });
  const created = await call<MessageView>(postMessage, '/messages', {
    method: 'POST',
    token: await tokenFor(LANCS),
    body: {
      campaignId: campaign.id,
      title: 'Audited',
      body: 'Help is there in {area}.',
      theme: 'help',
    },
  });
  messageId = created.body.id;
  const from = new Date().toISOString();
  await call(submit, `/messages/${messageId}/submit`, {
    method: 'POST',
    token: await tokenFor(LANCS),
    params: { id: messageId },
  });
  await call(postComment, `/messages/${messageId}/comments`, {
    method: 'POST',
    token: await tokenFor(LEAD),
    params: { id: messageId },
    body: { body: 'Looks right to me.' },
  });
  between = { from, to: new Date(Date.now() + 1000).toISOString() };
});

describe('GET /api/v1/audit', () => {
  it('tells the story of one message, newest first, with who did what and the before and after', async () => {
    const response = await audit({ entityType: 'message', entityId: messageId });
    expect(response.status).toBe(200);
    expect(
      response.body.items.map((event) => [event.action, event.actor.label.split(' ')[0]]),
    ).toEqual([
      ['message.comment', LEAD],
      ['message.submit', LANCS],
      ['message.create', LANCS],
    ]);
    expect(response.body.items[1]).toMatchObject({
      before: expect.objectContaining({ status: 'draft' }),
      after: expect.objectContaining({ status: 'in_review' }),
    });
  });

  it('filters by actor (email or id), action prefix and period', async () => {
    const byEmail = await audit({ actor: LANCS, action: 'message.' });
    expect(byEmail.body.items.map((event) => event.action)).toEqual([
      'message.submit',
      'message.create',
    ]);
    const lancs = await db.user.findUniqueOrThrow({ where: { email: LANCS } });
    const byId = await audit({ actor: lancs.id, action: 'message.' });
    expect(byId.body.items.map((event) => event.id)).toEqual(
      byEmail.body.items.map((event) => event.id),
    );

    const inPeriod = await audit({ entityId: messageId, from: between.from, to: between.to });
    expect(inPeriod.body.items.map((event) => event.action)).toEqual([
      'message.comment',
      'message.submit',
    ]);
    const before = await audit({ entityId: messageId, to: between.from });
    expect(before.body.items.map((event) => event.action)).toEqual(['message.create']);
  });

  it('pages newest first without gaps or repeats', async () => {
    const all = await audit({ limit: '500' });
    expect(all.body.items.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof audit>> = await audit({
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.body.items.map((event) => event.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((event) => event.id));
    const times = all.body.items.map((event) => event.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('is open to administrators and campaign leads only (403 for others)', async () => {
    expect((await audit({}, 'admin@nw-rocu.example')).status).toBe(200);
    for (const email of [LANCS, 'viewer@cumbria.example']) {
      const response = await audit({}, email);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        'Only campaign leads and administrators can read the audit log.',
      );
    }
  });

  it.each([
    ['a time without an offset', { from: '2026-11-01T00:00:00' }, 'from'],
    ['an empty period', { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' }, 'to'],
    ['a cursor it never gave out', { cursor: 'bm9wZQ' }, 'cursor'],
    ['a limit over 500', { limit: '501' }, 'limit'],
  ])('refuses %s with 400 naming the field', async (_case, query, field) => {
    const response = await audit(query);
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toHaveProperty([field]);
  });
});

describe('the audit log is append-only', () => {
  it('refuses a direct SQL UPDATE or DELETE, whoever sends it', async () => {
    const before = await rowCounts();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: messageId },
      orderBy: { id: 'asc' },
    });
    await expect(
      db.$executeRaw`UPDATE audit_events SET action = 'message.rewritten' WHERE id = ${event.id}`,
    ).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(db.$executeRaw`DELETE FROM audit_events WHERE id = ${event.id}`).rejects.toThrow(
      /append-only \(DELETE refused\)/,
    );
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await rowCounts()).toEqual(before);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });
});

describe('the audit log in words', () => {
  it('reads as sentences naming the message, organisation and channel, with links, and fields in words', async () => {
    const lead = await actorFor(LEAD);
    const message = await approvedMessage();
    const channel = await channelOf('lancashire', 'x');
    const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
      targets: [{ channelId: channel.id, scheduledAt: '2027-03-01T10:00:00Z' }],
    });
    const postId = posts[0]?.id ?? '';
    await recordAudit(db, SYSTEM_ACTOR, {
      action: 'post.published',
      entityId: postId,
      organisationId: channel.organisationId,
      before: { status: 'publishing' },
      after: { status: 'published', externalId: '1234' },
    });
    const events = (await audit({ entityId: postId })).body.items;
    const names = await auditNames(lead.actor, events);
    const sentences = events.map((event) => {
      const parts = describeAction(event.action, names.subjects[auditSubjectKey(event)]);
      return `${whoDid(event, names)} ${parts.map((part) => part.text).join('')}`;
    });
    const where = `“Help is available” on Lancashire Constabulary's X (${channel.handle})`;
    expect(sentences).toEqual([
      `Signpost published ${where}`,
      `${lead.actor.user.name} scheduled ${where}`,
    ]);
    const subject = names.subjects[auditSubjectKey(events[0]!)];
    expect(subject?.href).toBe(`/messages/${message.id}`);
    expect(
      changedFields(events[1]?.before, events[1]?.after).map((change) => change.label),
    ).toEqual(expect.arrayContaining(['Status', 'Time', 'Message id', 'Channel id']));
  });
});
