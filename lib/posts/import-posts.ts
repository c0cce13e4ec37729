// `POST /posts/import` and the Schedule page's "Import from CSV" (issue 10): a file of posts, one
// a row, checked exactly as a schedule request is — each row is a fan-out of one message to one
// organisation's channels on one platform at one UK time (planFanOut, checkPlannedPosts and
// check-posts.ts, the same functions scheduleMessage calls) — and then written all or nothing in
// one transaction and enqueued after it commits. A dry run checks and answers the plan. Every
// problem is named `<line>.<column>`, the header being line 1, and nothing is written.
import { z } from 'zod';
import type { AuditActor } from '../audit/record-audit';
import { organisationScope, roleGrants, type Actor } from '../auth/permissions';
import { db } from '../db';
import { invalid } from '../errors';
import { readableMessages } from '../messages/message-access';
import { platformRules } from '../platforms/rules';
import { PLATFORMS, Platform } from '../platforms/types';
import { checkPlannedPosts, planFanOut } from '../scheduling/fan-out';
import {
  type AmbiguousChoice,
  dayStart,
  formatLocal,
  resolveLocalTime,
  UK_TIME_ZONE,
} from '../scheduling/london-time';
import {
  checkPosts,
  type PostProblem,
  type PostToCheck,
  SCHEDULABLE_MESSAGE_SELECT,
  unschedulable,
  writePosts,
} from './check-posts';
import { type ImportColumn, type ImportRow, MAX_IMPORT_ROWS, readImportCsv } from './import-csv';
import { PostView } from './post-view';

export const ImportQuery = z
  .strictObject({
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .describe('true: check the file and answer the plan, writing nothing'),
  })
  .meta({ id: 'ImportQuery' });

export const ImportPlanPost = z
  .object({
    line: z.number().int(),
    messageId: z.string(),
    messageTitle: z.string(),
    organisation: z.object({ slug: z.string(), name: z.string() }),
    platform: Platform,
    channelId: z.string(),
    channelHandle: z.string(),
    scheduledAt: z.iso.datetime(),
    /** "Sun 28 Mar 2027, 09:00 BST" */
    ukTime: z.string(),
    /** As the platform counts it, against its limit. */
    length: z.number().int(),
    limit: z.number().int(),
    preview: z.string(),
  })
  .meta({ id: 'ImportPlanPost' });
export type ImportPlanPost = z.infer<typeof ImportPlanPost>;

export const ImportPlan = z
  .object({ dryRun: z.literal(true), posts: z.number().int(), plan: z.array(ImportPlanPost) })
  .meta({ id: 'ImportPlan' });
export type ImportPlan = z.infer<typeof ImportPlan>;
export const ImportResult = z.object({ posts: z.array(PostView) }).meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResult>;

/** Which column a problem found by check-posts.ts belongs to. */
const COLUMN_OF: Record<PostProblem['kind'], ImportColumn> = {
  forbidden: 'organisation',
  taken: 'time',
  channel: 'platform',
  blackout: 'time',
  content: 'message',
  welsh: 'message',
};

const PREVIEW_CHARACTERS = 140;
// 9:30 as well as 09:30, and BST or GMT to say which of a repeated hour is meant.
const TIME = /^(\d{1,2}):(\d{2})(?:\s*(BST|GMT))?$/i;

class Problems {
  readonly fields: Record<string, string> = {};
  add(line: number, column: ImportColumn, problem: string) {
    const key = `${line}.${column}`;
    this.fields[key] = this.fields[key] ? `${this.fields[key]} ${problem}` : problem;
  }
  get count() {
    return Object.keys(this.fields).length;
  }
}

export async function importPosts(
  actor: Actor,
  audit: AuditActor,
  file: Uint8Array,
  { dryRun, now = new Date() }: { dryRun: boolean; now?: Date },
): Promise<ImportPlan | ImportResult> {
  const read = await readImportCsv(file);
  if (!read.ok) throw invalid(`Nothing was scheduled. ${read.message}`, read.fields);
  const problems = new Problems();
  const { planned, lines } = await planRows(actor, read.rows, problems);

  const timing = checkPlannedPosts(planned, now, UK_TIME_ZONE, (index) => `line ${lines[index]}`);
  for (const problem of timing) {
    const index = Number(problem.field.split('.')[1]);
    problems.add(
      lines[index] ?? 0,
      problem.code === 'in_the_past' ? 'date' : 'time',
      problem.message,
    );
  }
  if (planned.length > MAX_IMPORT_ROWS)
    throw invalid(
      `The file would make ${planned.length.toLocaleString('en-GB')} posts; at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} can be imported at once.`,
      { file: 'makes too many posts: split it into several files' },
    );
  const checked = await checkPosts(actor, planned, now);
  for (const [index, list] of checked.problems) {
    const where = checked.posts[index]?.where ?? '';
    for (const problem of list)
      problems.add(lines[index] ?? 0, COLUMN_OF[problem.kind], `${where}: ${problem.message}`);
  }
  if (problems.count > 0) throw refused(problems.fields);

  if (dryRun) {
    return {
      dryRun: true,
      posts: checked.posts.length,
      plan: checked.posts.map(({ rendered }, index) => {
        const post = planned[index]!;
        return {
          line: lines[index] ?? 0,
          messageId: post.message.id,
          messageTitle: post.message.title,
          organisation: post.organisation,
          platform: post.platform,
          channelId: post.channelId,
          channelHandle: post.channelHandle,
          scheduledAt: post.scheduledAt.toISOString(),
          ukTime: formatLocal(post.scheduledAt),
          length: rendered.length,
          limit: rendered.limit,
          preview:
            rendered.text.length > PREVIEW_CHARACTERS
              ? `${rendered.text.slice(0, PREVIEW_CHARACTERS - 1)}…`
              : rendered.text,
        };
      }),
    };
  }
  return { posts: await writePosts(actor, audit, checked, now) };
}

/** "Nothing was scheduled: 3 problems to fix (line 4, time: …; …)." */
function refused(fields: Record<string, string>) {
  const entries = Object.entries(fields);
  const shown = entries
    .slice(0, 5)
    .map(([key, problem]) => {
      const [line, column] = key.split('.');
      return `line ${line}, ${column}: ${problem}`;
    })
    .join('; ');
  const more = entries.length > 5 ? `; and ${entries.length - 5} more` : '';
  return invalid(
    `Nothing was scheduled: ${entries.length === 1 ? 'one problem' : `${entries.length} problems`} to fix (${shown}${more}).`,
    fields,
  );
}

type PlannedRow = PostToCheck & {
  organisation: { slug: string; name: string };
  channelHandle: string;
};

/** Each good row as the posts it makes (one per active channel); each bad cell reported. */
async function planRows(actor: Actor, rows: readonly ImportRow[], problems: Problems) {
  const slugs = [...new Set(rows.map((row) => row.cells.organisation.toLowerCase()))];
  const ids = [...new Set(rows.map((row) => row.cells.message))].filter(
    (id) => id !== '' && id.length <= 64,
  );
  const scope = organisationScope(actor, 'channel.read');
  const [organisations, messages, channels] = await Promise.all([
    db.organisation.findMany({
      where: { slug: { in: slugs } },
      select: { id: true, slug: true, name: true, active: true },
    }),
    db.message.findMany({
      where: { id: { in: ids }, ...readableMessages(actor) },
      select: SCHEDULABLE_MESSAGE_SELECT,
    }),
    db.channel.findMany({
      where: {
        organisation: { slug: { in: slugs } },
        status: 'active',
        ...(scope === 'all' ? {} : { organisationId: { in: scope } }),
      },
      select: { id: true, organisationId: true, platform: true, handle: true },
      orderBy: [{ platform: 'asc' }, { handle: 'asc' }],
    }),
  ]);
  const organisationBySlug = new Map(organisations.map((o) => [o.slug, o]));
  const messageById = new Map(messages.map((message) => [message.id, message]));
  const handleOf = new Map(channels.map((channel) => [channel.id, channel.handle]));

  const planned: PlannedRow[] = [];
  const lines: number[] = [];
  for (const { line, cells } of rows) {
    const message = messageById.get(cells.message);
    if (cells.message === '') problems.add(line, 'message', 'is empty: give the message’s id.');
    else if (!message)
      problems.add(line, 'message', `${cells.message} is not a message you may schedule.`);
    else {
      const refusal = unschedulable(message);
      if (refusal) problems.add(line, 'message', refusal);
    }
    const organisation = organisationBySlug.get(cells.organisation.toLowerCase());
    if (cells.organisation === '')
      problems.add(line, 'organisation', 'is empty: give the organisation’s slug.');
    else if (!organisation)
      problems.add(line, 'organisation', `${cells.organisation} is not an organisation we know.`);
    else if (!organisation.active)
      problems.add(line, 'organisation', `${organisation.name} has been deactivated.`);
    else if (!roleGrants(actor, 'post.schedule', organisation.id))
      problems.add(line, 'organisation', `You may not schedule for ${organisation.name}.`);
    const platform = Platform.safeParse(cells.platform.toLowerCase());
    if (!platform.success)
      problems.add(
        line,
        'platform',
        `${cells.platform || 'An empty cell'} is not a platform: use one of ${PLATFORMS.join(', ')}.`,
      );
    const instant = timeOf(line, cells, problems);
    if (
      !message ||
      unschedulable(message) ||
      !organisation?.active ||
      !platform.success ||
      !instant
    )
      continue;
    if (!roleGrants(actor, 'post.schedule', organisation.id)) continue;
    const posts = planFanOut({
      organisations: [organisation],
      channels,
      platforms: [platform.data],
      startAt: instant,
      staggerMinutes: 0,
    });
    if (posts.length === 0)
      problems.add(
        line,
        'platform',
        `${organisation.name} has no active ${platformRules[platform.data].label} channel.`,
      );
    for (const post of posts) {
      planned.push({
        ...post,
        message,
        organisation: { slug: organisation.slug, name: organisation.name },
        channelHandle: handleOf.get(post.channelId) ?? '',
      });
      lines.push(line);
    }
  }
  return { planned, lines };
}

/** The instant a row's UK date and time name, or null with the problem reported. */
function timeOf(line: number, cells: ImportRow['cells'], problems: Problems): Date | null {
  if (dayStart(cells.date) === null) {
    problems.add(
      line,
      'date',
      `${cells.date || 'An empty cell'} is not a date: give it as YYYY-MM-DD, for example 2027-03-28.`,
    );
    return null;
  }
  const time = TIME.exec(cells.time);
  if (!time) {
    problems.add(
      line,
      'time',
      `${cells.time || 'An empty cell'} is not a time: give it as HH:MM on the 24-hour clock, for example 09:30.`,
    );
    return null;
  }
  const local = { date: cells.date, time: `${time[1]?.padStart(2, '0')}:${time[2]}` };
  const zone = time[3]?.toUpperCase() as 'BST' | 'GMT' | undefined;
  const choice: AmbiguousChoice | undefined =
    zone === undefined ? undefined : zone === 'BST' ? 'earlier' : 'later';
  const resolved = resolveLocalTime(local, UK_TIME_ZONE, choice);
  if (resolved.kind === 'ok') {
    // A zone given for an ordinary time must be the one the clocks show that day.
    if (zone && !formatLocal(resolved.instant).endsWith(zone)) {
      problems.add(line, 'time', `${local.time} on ${local.date} is not ${zone}.`);
      return null;
    }
    return resolved.instant;
  }
  // Skipped by the clocks, or repeated: london-time's own words, with how to say which is meant.
  const advice =
    resolved.kind === 'ambiguous'
      ? ` Write ${local.time} BST for the first or ${local.time} GMT for the second.`
      : '';
  problems.add(line, 'time', `${resolved.message}${advice}`);
  return null;
}
