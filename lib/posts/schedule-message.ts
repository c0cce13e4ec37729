// Scheduling an approved message: explicit targets (channel + time) or a coordinated fan-out
// (organisations × platforms, staggered so forces do not all post in the same minute). Every
// post is rendered and checked (signpost, length, media; check-posts.ts) before anything is
// written; then all posts of the request are written in one transaction — all or nothing — and
// enqueued after it commits.
import { z } from 'zod';
import type { AuditActor } from '../audit/record-audit';
import { organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { assertReadable } from '../messages/message-access';
import { Platform } from '../platforms/types';
import {
  checkPlannedPosts,
  MAX_STAGGER_MINUTES,
  planFanOut,
  type PlannedPost,
} from '../scheduling/fan-out';
import { defaultFanOutOrganisations } from '../organisations/fan-out-organisations';
import { checkPosts, SCHEDULABLE_MESSAGE_SELECT, unschedulable, writePosts } from './check-posts';
import type { PostView } from './post-view';
import { resolveScheduleTime, ScheduleTime } from './schedule-time';

const MAX_POSTS_PER_REQUEST = 500;

export const ScheduleTargets = z.strictObject({
  targets: z
    .array(z.strictObject({ channelId: z.string().min(1).max(64), scheduledAt: ScheduleTime }))
    .min(1)
    .max(MAX_POSTS_PER_REQUEST),
});
export const ScheduleFanOut = z.strictObject({
  /** Default: every force and regional unit (lib/organisations/fan-out-organisations.ts). */
  organisations: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
  platforms: z.array(Platform).min(1).optional(),
  startAt: ScheduleTime,
  staggerMinutes: z.number().int().min(0).max(MAX_STAGGER_MINUTES).default(0),
});
export const ScheduleRequest = z
  .union([ScheduleTargets, ScheduleFanOut])
  .meta({ id: 'ScheduleRequest' });
export type ScheduleRequest = z.infer<typeof ScheduleRequest>;

export const ScheduleResponse = z.object({ posts: z.array(z.unknown()) });

async function loadMessage(actor: Actor, messageId: string) {
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: SCHEDULABLE_MESSAGE_SELECT,
  });
  assertReadable(actor, message);
  const refusal = unschedulable(message);
  if (refusal) throw new AppError('conflict', refusal);
  return message;
}

async function planTargets(
  actor: Actor,
  request: ScheduleRequest,
): Promise<{ planned: PlannedPost[]; field: (index: number) => string }> {
  const scope = organisationScope(actor, 'channel.read');
  const visible = scope === 'all' ? {} : { organisationId: { in: scope } };
  if ('targets' in request) {
    const ids = [...new Set(request.targets.map((target) => target.channelId))];
    const channels = await db.channel.findMany({
      where: { id: { in: ids }, ...visible },
      select: { id: true, organisationId: true, platform: true },
    });
    const byId = new Map(channels.map((channel) => [channel.id, channel]));
    const planned = request.targets.map((target, index) => {
      const channel = byId.get(target.channelId);
      if (!channel)
        throw new AppError('not_found', `Channel ${target.channelId} was not found.`, {
          [`targets.${index}.channelId`]: 'not found',
        });
      return {
        channelId: channel.id,
        organisationId: channel.organisationId,
        platform: channel.platform,
        scheduledAt: resolveScheduleTime(target.scheduledAt, `targets.${index}.scheduledAt`),
      };
    });
    return { planned, field: (index) => `targets.${index}` };
  }
  const ordered = request.organisations
    ? await organisationsBySlug(request.organisations)
    : await defaultFanOutOrganisations();
  const channels = await db.channel.findMany({
    where: { organisationId: { in: ordered.map((o) => o.id) }, status: 'active', ...visible },
    select: { id: true, organisationId: true, platform: true },
    orderBy: [{ platform: 'asc' }, { handle: 'asc' }],
  });
  const planned = planFanOut({
    organisations: ordered,
    channels,
    platforms: request.platforms,
    startAt: resolveScheduleTime(request.startAt, 'startAt'),
    staggerMinutes: request.staggerMinutes,
  });
  if (planned.length === 0) {
    throw new AppError(
      'validation_failed',
      'None of the chosen organisations has an active channel on the chosen platforms.',
      {
        platforms: 'no channel to schedule on',
      },
    );
  }
  // Each planned post its own key, so every channel's problem is reported, not just the last.
  return { planned, field: (index) => `posts.${index}` };
}

/** The named organisations, in the order named; a 400 naming any that does not exist. */
async function organisationsBySlug(slugs: string[]) {
  const organisations = await db.organisation.findMany({
    where: { slug: { in: slugs } },
    select: { id: true, slug: true, name: true, active: true },
  });
  const unknown = slugs.filter(
    (slug) => !organisations.some((organisation) => organisation.slug === slug),
  );
  if (unknown.length > 0)
    throw new AppError('validation_failed', `Unknown organisation: ${unknown.join(', ')}.`, {
      organisations: `unknown: ${unknown.join(', ')}`,
    });
  const deactivated = organisations.filter((organisation) => !organisation.active);
  if (deactivated.length > 0) {
    const names = deactivated.map((organisation) => organisation.slug).join(', ');
    throw new AppError('validation_failed', `Deactivated organisation: ${names}.`, {
      organisations: `deactivated: ${names}`,
    });
  }
  return slugs
    .map((slug) => organisations.find((organisation) => organisation.slug === slug))
    .filter((o) => o !== undefined);
}

export async function scheduleMessage(
  actor: Actor,
  audit: AuditActor,
  messageId: string,
  request: ScheduleRequest,
  now = new Date(),
): Promise<{ posts: PostView[] }> {
  const message = await loadMessage(actor, messageId);
  const { planned, field } = await planTargets(actor, request);
  if (planned.length > MAX_POSTS_PER_REQUEST)
    throw new AppError(
      'validation_failed',
      `At most ${MAX_POSTS_PER_REQUEST} posts can be scheduled at once.`,
    );

  const timing = checkPlannedPosts(planned, now);
  if (timing.length > 0) {
    throw new AppError(
      'validation_failed',
      timing.map((problem) => problem.message).join(' '),
      Object.fromEntries(timing.map((problem) => [problem.field, problem.message])),
    );
  }

  const checked = await checkPosts(
    actor,
    planned.map((post) => ({ ...post, message })),
    now,
  );
  // Scheduling where one may not is refused outright, as it always was, before any other problem.
  for (const list of checked.problems.values()) {
    const forbidden = list.find((problem) => problem.kind === 'forbidden');
    if (forbidden) throw new AppError('forbidden', forbidden.message);
  }
  // An organisation bound to publish in Welsh and English refuses a message without Welsh; the
  // field to fix is the message's Welsh body (API.md), whichever post found it.
  const welsh = [
    ...new Set(
      [...checked.problems.values()].flatMap((list) =>
        list.filter((problem) => problem.kind === 'welsh').map((problem) => problem.message),
      ),
    ),
  ];
  if (welsh.length > 0)
    throw new AppError('validation_failed', welsh.join(' '), { 'cy.body': welsh.join(' ') });
  if (checked.problems.size > 0) {
    const fields = Object.fromEntries(
      [...checked.problems].map(([index, list]) => [
        field(index),
        `${checked.posts[index]?.where}: ${list.map((problem) => problem.message).join(' ')}`,
      ]),
    );
    throw new AppError(
      'validation_failed',
      `Nothing was scheduled. ${Object.values(fields).join(' ')}`,
      fields,
    );
  }
  return { posts: await writePosts(actor, audit, checked, now) };
}
