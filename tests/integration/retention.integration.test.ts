// Retention removes what is past its time and nothing else; the audit log stays append-only for
// everyone but the retention run.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { log } from '@/lib/log';
import { applyRetention } from '@/lib/retention/apply-retention';
import type { RetentionPolicy } from '@/lib/retention/plan-retention';
import { resetDatabase, userId } from '../support/database';
import { approvedMessage } from '../support/fixtures';
import { publishedPost } from '../support/reach';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const policy: RetentionPolicy = {
  postText: 10,
  snapshots: 10,
  audit: 100,
  sessions: 5,
  signIns: 20,
};

interface Rows {
  oldPost: string;
  newPost: string;
  oldCancelled: string;
  oldAudit: bigint;
  newAudit: bigint;
  oldSignIn: bigint;
  newSignIn: bigint;
  oldSession: string;
  newSession: string;
}
let rows: Rows;

async function auditAt(action: string, at: Date): Promise<bigint> {
  const event = await db.auditEvent.create({
    data: { at, actorLabel: 'system', action, entityType: action.split('.')[0]!, entityId: 'x' },
  });
  return event.id;
}

async function sessionExpiring(expiresAt: Date, user: string): Promise<string> {
  const session = await db.session.create({
    data: { token: randomUUID(), userId: user, expiresAt },
  });
  return session.id;
}

beforeAll(async () => {
  await resetDatabase();
  const message = await approvedMessage();
  const user = await userId('lead@nw-rocu.example');
  const spec = { messageId: message.id, organisation: 'lancashire', platform: 'x' as const };
  // Each kind of record a day either side of its cut-off.
  const oldPost = await publishedPost({ ...spec, publishedAt: ago(11), polls: [{ views: 40 }] });
  const newPost = await publishedPost({ ...spec, publishedAt: ago(9), polls: [{ views: 7 }] });
  const oldCancelled = await publishedPost({ ...spec, publishedAt: ago(30) });
  await db.post.update({
    where: { id: oldCancelled },
    data: { status: 'cancelled', publishedAt: null },
  });
  rows = {
    oldPost,
    newPost,
    oldCancelled,
    oldAudit: await auditAt('message.create', ago(101)),
    newAudit: await auditAt('message.create', ago(99)),
    oldSignIn: await auditAt('user.signed_in', ago(21)),
    newSignIn: await auditAt('user.signed_in', ago(19)),
    oldSession: await sessionExpiring(ago(6), user),
    newSession: await sessionExpiring(ago(4), user),
  };
});

describe('the nightly retention run', () => {
  it('removes what is past its time and nothing else, and says what it removed', async () => {
    const before = {
      snapshots: await db.reachSnapshot.count(),
      audit: await db.auditEvent.count(),
      sessions: await db.session.count(),
    };
    const report = await applyRetention({ policy, now, log });
    expect(report).toMatchObject({ postText: 1, snapshots: 1, audit: 1, sessions: 1, signIns: 1 });

    const posts = await db.post.findMany({
      where: { id: { in: [rows.oldPost, rows.newPost, rows.oldCancelled] } },
      include: { latestReach: true },
    });
    const post = (id: string) => posts.find((row) => row.id === id)!;
    // The old published post keeps its row and its figures; only its words are gone.
    expect(post(rows.oldPost)).toMatchObject({ text: '', status: 'published' });
    expect(post(rows.oldPost).textRemovedAt).not.toBeNull();
    expect(post(rows.oldPost).latestReach?.views).toBe(40);
    expect(post(rows.newPost).text).not.toBe('');
    expect(post(rows.newPost).textRemovedAt).toBeNull();
    expect(post(rows.oldCancelled).text).not.toBe('');

    const snapshots = await db.reachSnapshot.findMany({ select: { postId: true } });
    expect(snapshots.map((row) => row.postId)).not.toContain(rows.oldPost);
    expect(snapshots.map((row) => row.postId)).toContain(rows.newPost);
    expect(snapshots.length).toBe(before.snapshots - 1);

    const audit = await db.auditEvent.findMany({
      where: { id: { in: [rows.oldAudit, rows.newAudit, rows.oldSignIn, rows.newSignIn] } },
      select: { id: true },
    });
    expect(audit.map((row) => row.id).sort()).toEqual([rows.newAudit, rows.newSignIn].sort());
    // Two removed, one added: the run's own record of what it removed.
    expect(await db.auditEvent.count()).toBe(before.audit - 1);
    const record = await db.auditEvent.findFirstOrThrow({
      where: { action: 'retention.applied' },
      orderBy: { id: 'desc' },
    });
    expect(record.after).toMatchObject({
      removed: { postText: 1, snapshots: 1, audit: 1, sessions: 1, signIns: 1 },
    });

    const sessions = await db.session.findMany({ select: { id: true } });
    expect(sessions.map((row) => row.id)).toContain(rows.newSession);
    expect(sessions.map((row) => row.id)).not.toContain(rows.oldSession);
    expect(sessions.length).toBe(before.sessions - 1);
  });

  it('removes nothing more when run again the same night', async () => {
    const report = await applyRetention({ policy, now, log });
    expect(report).toMatchObject({ postText: 0, snapshots: 0, audit: 0, sessions: 0, signIns: 0 });
  });

  it('keeps everything for ever when every period is 0 days', async () => {
    const report = await applyRetention({
      policy: { postText: 0, snapshots: 0, audit: 0, sessions: 0, signIns: 0 },
      now: new Date(now.getTime() + 10_000 * DAY),
      log,
    });
    expect(report).toMatchObject({ postText: 0, snapshots: 0, audit: 0, sessions: 0, signIns: 0 });
  });
});

describe('the audit log outside the retention run', () => {
  it('refuses every UPDATE, and a DELETE that is not the retention run’s', async () => {
    const count = await db.auditEvent.count();
    await expect(
      db.$executeRaw`UPDATE audit_events SET action = 'x.y' WHERE id = ${rows.newAudit}`,
    ).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(
      db.$executeRaw`DELETE FROM audit_events WHERE id = ${rows.newAudit}`,
    ).rejects.toThrow(/append-only \(DELETE refused\)/);
    // The setting is the retention run's alone, and allows deleting only, never rewriting.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL signpost.retention = 'on'`;
        await tx.$executeRaw`UPDATE audit_events SET action = 'x.y' WHERE id = ${rows.newAudit}`;
      }),
    ).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL signpost.retention = 'off'`;
        await tx.$executeRaw`DELETE FROM audit_events WHERE id = ${rows.newAudit}`;
      }),
    ).rejects.toThrow(/append-only \(DELETE refused\)/);
    // SET LOCAL ends with its transaction: the next statement on that connection is refused again.
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count()).toBe(count);
  });
});
