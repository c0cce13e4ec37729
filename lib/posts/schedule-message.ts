// Scheduling an approved message: explicit targets (channel + time) or a coordinated fan-out
// (organisations × platforms, staggered so forces do not all post in the same minute). Every
// post is rendered and checked (signpost, length, media) before anything is written; then all
// posts of the request are written in one transaction — all or nothing — and enqueued after it
// commits.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordAuditMany, type AuditActor } from '../audit/record-audit';
import { can, organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { assertReadable } from '../messages/message-access';
import { platformRules } from '../platforms/rules';
import { Platform } from '../platforms/types';
import { enqueuePosts } from '../publishing/enqueue';
import { platformMediaFacts } from '../media/media-facts';
import type { MediaFacts, Platform as PlatformName } from '../platforms/types';
import { renderForChannel } from '../publishing/render-for-channel';
import {
  checkPlannedPosts,
  MAX_STAGGER_MINUTES,
  planFanOut,
  type PlannedPost,
} from '../scheduling/fan-out';
import { formatLocal } from '../scheduling/london-time';
import { currentSignpost, toSignpost } from '../signpost/signpost-store';
import { defaultFanOutOrganisations } from '../organisations/fan-out-organisations';
import { blackoutProblem, blackoutsOf } from './blackout-problem';
import { POST_VIEW_SELECT, toPostView, type PostView } from './post-view';
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
    select: {
      id: true,
      title: true,
      body: true,
      overrides: true,
      status: true,
      shareable: true,
      authorId: true,
      campaign: { select: { id: true, slug: true, status: true } },
      media: {
        orderBy: { position: 'asc' },
        select: {
          altText: true,
          media: {
            select: {
              id: true,
              mimeType: true,
              bytes: true,
              width: true,
              height: true,
              storagePath: true,
            },
          },
        },
      },
    },
  });
  assertReadable(actor, message);
  if (message.status !== 'approved') {
    throw new AppError(
      'conflict',
      `Only approved messages can be scheduled; this one is ${message.status.replace('_', ' ')}.`,
    );
  }
  if (message.campaign.status === 'archived')
    throw new AppError(
      'conflict',
      'The campaign is archived: its messages can no longer be scheduled.',
    );
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
    select: { id: true, slug: true, name: true },
  });
  const unknown = slugs.filter(
    (slug) => !organisations.some((organisation) => organisation.slug === slug),
  );
  if (unknown.length > 0)
    throw new AppError('validation_failed', `Unknown organisation: ${unknown.join(', ')}.`, {
      organisations: `unknown: ${unknown.join(', ')}`,
    });
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

  const channelIds = [...new Set(planned.map((post) => post.channelId))];
  const [channels, blackouts, signpostView, existing] = await Promise.all([
    db.channel.findMany({
      where: { id: { in: channelIds } },
      select: {
        id: true,
        handle: true,
        status: true,
        platform: true,
        organisationId: true,
        organisation: { select: { slug: true, name: true, area: true } },
      },
    }),
    blackoutsOf(
      planned.map((post) => post.organisationId),
      now,
    ),
    currentSignpost(),
    // The same message on the same channel in the same minute, already scheduled or sent.
    db.post.findMany({
      where: {
        messageId: message.id,
        channelId: { in: channelIds },
        status: { not: 'cancelled' },
        scheduledAt: { in: planned.map((post) => post.scheduledAt) },
      },
      select: { channelId: true, scheduledAt: true },
    }),
  ]);
  const taken = new Set(existing.map((post) => `${post.channelId}@${post.scheduledAt.getTime()}`));
  const signpost = toSignpost(signpostView);
  const byId = new Map(channels.map((channel) => [channel.id, channel]));
  // Each platform judges its own copy of the images (made once, then cached on disk).
  const platforms = [...new Set(channels.map((channel) => channel.platform))];
  const factsByPlatform = new Map<PlatformName, MediaFacts[]>(
    await Promise.all(
      platforms.map(
        async (platform) => [platform, await platformMediaFacts(platform, message.media)] as const,
      ),
    ),
  );

  // Every problem of every post, so a person fixes them all at once, not one per attempt.
  const problems = new Map<string, string[]>();
  const report = (index: number, problem: string) => {
    const key = field(index);
    problems.set(key, [...(problems.get(key) ?? []), problem]);
  };
  const rendered = planned.map((post, index) => {
    const channel = byId.get(post.channelId);
    if (!channel) throw new AppError('not_found', `Channel ${post.channelId} was not found.`);
    const where = `${channel.organisation.name} on ${platformRules[channel.platform].label} (${channel.handle})`;
    if (!can(actor, 'post.schedule', { organisationId: channel.organisationId, message })) {
      throw new AppError('forbidden', `You may not schedule on ${where}.`);
    }
    if (taken.has(`${post.channelId}@${post.scheduledAt.getTime()}`)) {
      report(index, `this message is already scheduled there at ${formatLocal(post.scheduledAt)}.`);
    }
    if (channel.status !== 'active') {
      report(
        index,
        `${channel.status === 'disabled' ? 'it is disabled' : 'it needs re-authorising'}; it cannot publish.`,
      );
    }
    const blackout = blackoutProblem(blackouts, { ...post, campaignId: message.campaign.id }, now);
    if (blackout) report(index, blackout);
    const result = renderForChannel({
      message,
      platform: channel.platform,
      organisation: channel.organisation,
      campaignSlug: message.campaign.slug,
      signpost,
      media: factsByPlatform.get(channel.platform) ?? [],
    });
    for (const problem of result.problems) report(index, problem.message);
    return { post, text: result.text, where };
  });
  if (problems.size > 0) {
    const whereOf = new Map(rendered.map(({ where }, index) => [field(index), where]));
    const fields = Object.fromEntries(
      [...problems].map(([key, list]) => [key, `${whereOf.get(key)}: ${list.join(' ')}`]),
    );
    throw new AppError(
      'validation_failed',
      `Nothing was scheduled. ${Object.values(fields).join(' ')}`,
      fields,
    );
  }

  const batchId = randomUUID();
  const created = await db.$transaction(async (tx) => {
    const rows = rendered.map(({ post, text }) => ({
      id: randomUUID(),
      messageId: message.id,
      channelId: post.channelId,
      organisationId: post.organisationId,
      campaignId: message.campaign.id,
      platform: post.platform,
      scheduledAt: post.scheduledAt,
      text,
      signpostVersion: signpost.version,
      batchId,
      createdById: actor.userId,
    }));
    await tx.post.createMany({ data: rows });
    await recordAuditMany(
      tx,
      audit,
      rows.map((row) => ({
        action: 'post.scheduled',
        entityId: row.id,
        organisationId: row.organisationId,
        after: {
          status: 'scheduled',
          messageId: row.messageId,
          channelId: row.channelId,
          scheduledAt: row.scheduledAt,
          batchId,
        },
      })),
    );
    return tx.post.findMany({
      where: { batchId },
      select: POST_VIEW_SELECT,
      orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
    });
  });
  await enqueuePosts(
    created.map((post) => ({
      id: post.id,
      revision: 0,
      channelId: post.channelId,
      dueAt: post.scheduledAt,
    })),
    now,
  );
  return { posts: created.map((row) => toPostView(row, actor)) };
}
