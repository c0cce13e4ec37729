// `POST /posts/import` (issue 10): a CSV of posts checked row by row as a schedule request is,
// all or nothing, each problem named by line and column; the dry run; the clocks-change days;
// and the files people really send: reordered headers, missing columns, UTF-16, Latin-1, a BOM.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as importPosts } from '@/app/api/v1/posts/import/route';
import { GET as template } from '@/app/api/v1/posts/import/template.csv/route';
import { db } from '@/lib/db';
import { publishJobId, QUEUES } from '@/lib/queue/jobs';
import { queue } from '@/lib/queue/queues';
import { dayOf } from '@/lib/scheduling/london-time';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { approvedMessage } from '../support/fixtures';

type Answer = {
  posts: { id: string; scheduledAt: string; platform: string; organisation: { slug: string } }[];
  plan: { line: number; ukTime: string; scheduledAt: string; messageTitle: string }[];
  error: { code: string; message: string; fields?: Record<string, string> };
};

const LEAD = 'lead@nw-rocu.example';
let messageId: string;
const inDays = (days: number) => dayOf(new Date(Date.now() + days * 24 * 60 * 60 * 1000));

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  messageId = (await approvedMessage()).id;
});

async function send(
  body: string | Uint8Array<ArrayBuffer>,
  { email = LEAD, dryRun = false, type = 'text/csv' } = {},
) {
  const request = new Request(`http://localhost/api/v1/posts/import?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(email)}`, 'content-type': type },
    body,
  });
  const response = await importPosts(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Answer };
}

const csv = (...rows: string[]) => `message,organisation,platform,date,time\n${rows.join('\n')}\n`;
const postCount = () => db.post.count();

describe('a good file', () => {
  it('schedules every row, in one go, and queues each post', async () => {
    const date = inDays(10);
    const before = await postCount();
    const answer = await send(
      csv(
        `${messageId},lancashire,facebook,${date},09:30`,
        `${messageId},merseyside,x,${date},9:45`,
        `${messageId},cumbria,facebook,${date},10:00`,
      ),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.posts.map((post) => post.organisation.slug).sort()).toEqual([
      'cumbria',
      'lancashire',
      'merseyside',
    ]);
    expect(await postCount()).toBe(before + 3);
    for (const post of answer.body.posts) {
      const job = await queue(QUEUES.publish).getJob(
        publishJobId({ postId: post.id, revision: 0 }),
      );
      expect(job).toBeDefined();
    }
    const audits = await db.auditEvent.count({
      where: { action: 'post.scheduled', entityId: { in: answer.body.posts.map((p) => p.id) } },
    });
    expect(audits).toBe(3);
  });

  it('takes the columns in any order and any case, and a UTF-8 byte-order mark', async () => {
    const text = `\uFEFFTime,Date,Platform,Organisation,Message\n10:15,${inDays(11)},Facebook,Lancashire,${messageId}\n`;
    const answer = await send(new TextEncoder().encode(text), { dryRun: true });
    expect(answer.status).toBe(200);
    expect(answer.body.plan).toHaveLength(1);
    expect(answer.body.plan[0]?.ukTime).toMatch(/10:15/);
  });

  it('answers a dry run with the plan and writes nothing', async () => {
    const before = await postCount();
    const answer = await send(csv(`${messageId},cheshire,facebook,${inDays(12)},08:00`), {
      dryRun: true,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.plan[0]).toMatchObject({ line: 2, messageTitle: 'Help is available' });
    expect(await postCount()).toBe(before);
  });
});

describe('a file with a problem', () => {
  it('writes nothing when one row is bad, and names its line and column', async () => {
    const before = await postCount();
    const answer = await send(
      csv(
        `${messageId},lancashire,facebook,${inDays(13)},09:30`,
        `${messageId},lancashire,myspace,${inDays(13)},09:30`,
        `${messageId},lancashire,x,${inDays(13)},09:30`,
      ),
    );
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields ?? {})).toEqual(['3.platform']);
    expect(answer.body.error.message).toMatch(/line 3, platform/);
    expect(await postCount()).toBe(before);
  });

  it('refuses 01:30 on 28 March 2027 (skipped) and names the 01:30 of 25 October 2026 (twice)', async () => {
    const answer = await send(
      csv(
        `${messageId},lancashire,facebook,2027-03-28,01:30`,
        `${messageId},lancashire,facebook,2026-10-25,01:30`,
      ),
      { dryRun: true },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.['2.time']).toMatch(/does not exist in UK time/);
    expect(answer.body.error.fields?.['3.time']).toMatch(/happens twice.*01:30 BST.*01:30 GMT/);
  });

  it('takes 01:30 BST or 01:30 GMT on the day the clocks go back', async () => {
    const answer = await send(
      csv(
        `${messageId},lancashire,facebook,2027-10-31,01:30 BST`,
        `${messageId},lancashire,facebook,2027-10-31,01:30 GMT`,
      ),
      { dryRun: true },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.plan.map((post) => post.scheduledAt)).toEqual([
      '2027-10-31T00:30:00.000Z',
      '2027-10-31T01:30:00.000Z',
    ]);
  });

  it('refuses the same channel twice in a minute, and a post already scheduled', async () => {
    const date = inDays(14);
    const row = `${messageId},cumbria,facebook,${date},11:00`;
    expect((await send(csv(row))).status).toBe(201);
    const again = await send(
      csv(
        `${messageId},cumbria,facebook,${date},12:00`,
        `${messageId},cumbria,facebook,${date},12:00`,
        row,
      ),
    );
    expect(again.status).toBe(400);
    expect(again.body.error.fields?.['3.time']).toMatch(/Line 3 repeats line 2/);
    expect(again.body.error.fields?.['4.time']).toMatch(/already scheduled there/);
  });

  it("refuses a comms officer's row for another force, the past, a blackout and an unknown message", async () => {
    const merseyside = await db.organisation.findUniqueOrThrow({ where: { slug: 'merseyside' } });
    const lead = await db.user.findUniqueOrThrow({ where: { email: LEAD } });
    const date = inDays(15);
    await db.blackout.create({
      data: {
        organisationId: merseyside.id,
        startsAt: new Date(`${date}T00:00:00Z`),
        endsAt: new Date(`${date}T23:00:00Z`),
        reason: 'Major incident',
        createdById: lead.id,
      },
    });
    const officer = await send(
      csv(
        `${messageId},merseyside,facebook,${date},09:00`,
        `${messageId},lancashire,facebook,2026-01-05,09:00`,
        `no-such-message,lancashire,facebook,${date},09:00`,
      ),
      { email: 'comms@lancashire.example' },
    );
    expect(officer.status).toBe(400);
    expect(officer.body.error.fields?.['2.organisation']).toMatch(
      /may not schedule for Merseyside/,
    );
    expect(officer.body.error.fields?.['3.date']).toMatch(/has already passed/);
    expect(officer.body.error.fields?.['4.message']).toMatch(/not a message you may schedule/);
    const blackout = await send(csv(`${messageId},merseyside,facebook,${date},09:00`));
    expect(blackout.body.error.fields?.['2.time']).toMatch(/blackout \(Major incident\)/);
  });
});

describe('files that cannot be read', () => {
  it.each([
    ['an empty file', '', 'file'],
    ['a header alone', 'message,organisation,platform,date,time\n', 'file'],
    [
      'a missing column',
      'message,organisation,platform,date\nx,lancashire,x,2027-01-01\n',
      '1.time',
    ],
    ['an unknown column', 'message,organisation,platform,date,time,colour\n', '1.colour'],
    [
      'a quote never closed',
      'message,organisation,platform,date,time\n"x,lancashire,x,2027-01-01,09:00\n',
      '2',
    ],
  ])('refuses %s with a 400 naming %s', async (_, text, field) => {
    const answer = await send(text);
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields ?? {})).toContain(field);
  });

  it('refuses UTF-16 and Latin-1, saying to save as CSV UTF-8', async () => {
    const text = csv(`${messageId},lancashire,facebook,${inDays(16)},09:30`);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const latin1 = new Uint8Array(
      Buffer.from(`${text}Café,lancashire,x,${inDays(16)},09:30\n`, 'latin1'),
    );
    for (const bytes of [utf16, latin1]) {
      const answer = await send(bytes);
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields?.file).toMatch(/CSV UTF-8/);
    }
  });

  it('refuses more than 10,000 rows, a file over the size limit, and a body that is not CSV', async () => {
    const row = `${messageId},lancashire,facebook,${inDays(17)},09:30`;
    const many = await send(csv(...Array.from({ length: 10_001 }, () => row)));
    expect(many.status).toBe(400);
    expect(many.body.error.fields?.file).toMatch(/more than 10,000 rows/);
    const huge = await send(csv('x'.repeat(5 * 1024 * 1024)));
    expect(huge.status).toBe(413);
    const json = await send('{"rows": []}', { type: 'application/json' });
    expect(json.status).toBe(400);
    expect(json.body.error.fields?.['content-type']).toBeDefined();
  });
});

describe('the template', () => {
  it('is the header and an example row the caller could import', async () => {
    const answer = await call(template, '/posts/import/template.csv', {
      token: await tokenFor('comms@lancashire.example'),
    });
    expect(answer.status).toBe(200);
    const [header, example] = answer.text.trim().split('\n');
    expect(header).toBe('message,organisation,platform,date,time');
    const dry = await send(`${header}\n${example}\n`, {
      email: 'comms@lancashire.example',
      dryRun: true,
    });
    expect(dry.status).toBe(200);
  });
});
