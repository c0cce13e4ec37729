// The checks every post to be scheduled goes through before anything is written, and the write:
// shared by a schedule request (schedule-message.ts) and a CSV import (import-posts.ts), so a row
// of a file is judged exactly as a post of a request. Checks: the actor may schedule the message
// on the channel, the channel can publish, the same message is not already there at that time,
// the time is outside the organisation's blackouts, and the post renders within its platform's
// rules with the signpost (length, media). Every problem of every post is collected, so a person
// fixes them all at once.
import { randomUUID } from 'node:crypto';
import { recordAuditMany, type AuditActor } from '../audit/record-audit';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { platformMediaFacts } from '../media/media-facts';
import { platformRules } from '../platforms/rules';
import type { MediaFacts, RenderedPost } from '../platforms/types';
import { enqueuePosts } from '../publishing/enqueue';
import { isBilingual, welshRequiredReason } from '../organisations/organisation-languages';
import { type LanguageRender, renderForChannelLanguages } from '../publishing/render-for-channel';
import type { PlannedPost } from '../scheduling/fan-out';
import { formatLocal } from '../scheduling/london-time';
import { currentSignpost, toSignpost } from '../signpost/signpost-store';
import { blackoutProblem, blackoutsOf } from './blackout-problem';
import { POST_VIEW_SELECT, toPostView, type PostView } from './post-view';

/** What a message must bring to be checked and scheduled. */
export const SCHEDULABLE_MESSAGE_SELECT = {
  id: true,
  title: true,
  body: true,
  overrides: true,
  bodyCy: true,
  overridesCy: true,
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
} as const;

export type SchedulableMessage = NonNullable<
  Awaited<ReturnType<typeof db.message.findFirst<{ select: typeof SCHEDULABLE_MESSAGE_SELECT }>>>
>;

/** Why a message the actor can read cannot be scheduled, or null when it can. */
export function unschedulable(message: Pick<SchedulableMessage, 'status' | 'campaign'>) {
  if (message.status !== 'approved')
    return `Only approved messages can be scheduled; this one is ${message.status.replace('_', ' ')}.`;
  if (message.campaign.status === 'archived')
    return 'The campaign is archived: its messages can no longer be scheduled.';
  return null;
}

export interface PostToCheck extends PlannedPost {
  message: SchedulableMessage;
}

export type PostProblem = {
  /** welsh: the organisation publishes in Welsh and English and the message has no Welsh. */
  kind: 'forbidden' | 'taken' | 'channel' | 'blackout' | 'welsh' | 'content';
  message: string;
};

export interface CheckedPost {
  post: PostToCheck;
  /** "Lancashire Constabulary on X (@LancsPolice)" */
  where: string;
  /** The first (or only) post the channel gets. */
  rendered: RenderedPost;
  /**
   * Every post the channel gets, in publishing order (issue 13): one in the channel's language,
   * or on a bilingual account one Welsh-first post or the Welsh and then the English.
   */
  languages: LanguageRender[];
  /** Whether the organisation publishes in Welsh and English. */
  bilingualOrganisation: boolean;
}

export interface CheckedPosts {
  posts: CheckedPost[];
  /** By the post's index; absent when it has none. */
  problems: Map<number, PostProblem[]>;
  signpostVersion: number;
}

export async function checkPosts(
  actor: Actor,
  posts: readonly PostToCheck[],
  now: Date,
): Promise<CheckedPosts> {
  const channelIds = [...new Set(posts.map((post) => post.channelId))];
  const times = posts.map((post) => post.scheduledAt.getTime());
  const [channels, blackouts, signpostView, existing] = await Promise.all([
    db.channel.findMany({
      where: { id: { in: channelIds } },
      select: {
        id: true,
        handle: true,
        status: true,
        platform: true,
        language: true,
        organisationId: true,
        organisation: {
          select: {
            slug: true,
            name: true,
            area: true,
            nameCy: true,
            areaCy: true,
            languages: true,
          },
        },
      },
    }),
    blackoutsOf(
      posts.map((post) => post.organisationId),
      now,
    ),
    currentSignpost(),
    // The same message on the same channel at the same time, already scheduled or sent. Asked as
    // a range and matched here: a list of ten thousand times would be ten thousand parameters.
    posts.length === 0
      ? []
      : db.post.findMany({
          where: {
            messageId: { in: [...new Set(posts.map((post) => post.message.id))] },
            channelId: { in: channelIds },
            status: { not: 'cancelled' },
            scheduledAt: {
              gte: new Date(times.reduce((a, b) => Math.min(a, b))),
              lte: new Date(times.reduce((a, b) => Math.max(a, b))),
            },
          },
          select: { messageId: true, channelId: true, scheduledAt: true },
        }),
  ]);
  const key = (post: { messageId: string; channelId: string; scheduledAt: Date }) =>
    `${post.messageId}@${post.channelId}@${post.scheduledAt.getTime()}`;
  const taken = new Set(existing.map(key));
  const signpost = toSignpost(signpostView);
  const byId = new Map(channels.map((channel) => [channel.id, channel]));
  const facts = await mediaFactsFor(posts, byId);
  // One render per message and channel: a file repeats them across its rows.
  const renders = new Map<string, LanguageRender[]>();

  const problems = new Map<number, PostProblem[]>();
  const report = (index: number, kind: PostProblem['kind'], message: string) =>
    problems.set(index, [...(problems.get(index) ?? []), { kind, message }]);
  const checked = posts.map((post, index) => {
    const channel = byId.get(post.channelId);
    if (!channel) throw new AppError('not_found', `Channel ${post.channelId} was not found.`);
    const { message } = post;
    const where = `${channel.organisation.name} on ${platformRules[channel.platform].label} (${channel.handle})`;
    if (!can(actor, 'post.schedule', { organisationId: channel.organisationId, message })) {
      report(index, 'forbidden', `You may not schedule on ${where}.`);
    }
    if (taken.has(key({ messageId: message.id, ...post }))) {
      report(
        index,
        'taken',
        `this message is already scheduled there at ${formatLocal(post.scheduledAt)}.`,
      );
    }
    if (channel.status !== 'active') {
      report(
        index,
        'channel',
        `${channel.status === 'disabled' ? 'it is disabled' : 'it needs re-authorising'}; it cannot publish.`,
      );
    }
    const blackout = blackoutProblem(blackouts, { ...post, campaignId: message.campaign.id }, now);
    if (blackout) report(index, 'blackout', blackout);
    const bilingualOrganisation = isBilingual(channel.organisation.languages);
    if (bilingualOrganisation && message.bodyCy === null)
      report(index, 'welsh', `${welshRequiredReason(channel.organisation.name)}.`);
    const renderKey = `${message.id}@${channel.id}`;
    let languages = renders.get(renderKey);
    if (!languages) {
      languages = renderForChannelLanguages({
        message,
        platform: channel.platform,
        channelLanguage: channel.language,
        organisation: channel.organisation,
        campaignSlug: message.campaign.slug,
        signpost,
        media: facts.get(`${message.id}@${channel.platform}`) ?? [],
      });
      renders.set(renderKey, languages);
    }
    if (!(bilingualOrganisation && message.bodyCy === null))
      for (const { rendered } of languages)
        for (const problem of rendered.problems) report(index, 'content', problem.message);
    const rendered = languages[0]!.rendered;
    return { post, where, rendered, languages, bilingualOrganisation };
  });
  return { posts: checked, problems, signpostVersion: signpost.version };
}

/** Each platform judges its own copy of each message's images (made once, then cached on disk). */
async function mediaFactsFor(
  posts: readonly PostToCheck[],
  channels: Map<string, { platform: PostToCheck['platform'] }>,
): Promise<Map<string, MediaFacts[]>> {
  const wanted = new Map<
    string,
    { message: SchedulableMessage; platform: PostToCheck['platform'] }
  >();
  for (const post of posts) {
    const platform = channels.get(post.channelId)?.platform;
    if (platform) wanted.set(`${post.message.id}@${platform}`, { message: post.message, platform });
  }
  return new Map(
    await Promise.all(
      [...wanted].map(
        async ([key, { message, platform }]) =>
          [
            key,
            message.media.length === 0 ? [] : await platformMediaFacts(platform, message.media),
          ] as const,
      ),
    ),
  );
}

/**
 * Writes checked posts in one transaction, all or nothing, with an audit entry each, and enqueues
 * them after it commits. Their views, in time order.
 */
export async function writePosts(
  actor: Actor,
  audit: AuditActor,
  checked: Pick<CheckedPosts, 'posts' | 'signpostVersion'>,
  now: Date,
): Promise<PostView[]> {
  const batchId = randomUUID();
  const rows = checked.posts.flatMap(({ post, languages }) =>
    languages.map(({ language, rendered }) => ({
      id: randomUUID(),
      messageId: post.message.id,
      channelId: post.channelId,
      organisationId: post.organisationId,
      campaignId: post.message.campaign.id,
      platform: post.platform,
      scheduledAt: post.scheduledAt,
      text: rendered.text,
      signpostVersion: checked.signpostVersion,
      language,
      pairId: null as string | null,
      batchId,
      createdById: actor.userId,
    })),
  );
  pairTwins(rows);
  const created = await db.$transaction(
    async (tx) => {
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
            language: row.language,
            pairId: row.pairId,
            batchId,
          },
        })),
      );
      return tx.post.findMany({
        where: { batchId },
        select: POST_VIEW_SELECT,
        orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
      });
    },
    // A file of ten thousand rows takes longer than a request's handful.
    { timeout: 60_000, maxWait: 10_000 },
  );
  await enqueuePosts(
    created.map((post) => ({
      id: post.id,
      revision: 0,
      channelId: post.channelId,
      dueAt: post.scheduledAt,
    })),
    now,
  );
  return created.map((row) => toPostView(row, actor));
}

/**
 * Welsh and English twins (issue 13): an organisation's Welsh and English posts of one message
 * on one platform at one time — on its paired accounts, or the two posts of a bilingual account
 * where both did not fit in one — share a pairId, so the worker keeps them together.
 */
function pairTwins(
  rows: {
    organisationId: string;
    platform: string;
    scheduledAt: Date;
    language: string;
    pairId: string | null;
  }[],
): void {
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    if (row.language === 'bilingual') continue;
    const key = `${row.organisationId}@${row.platform}@${row.scheduledAt.getTime()}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const languages = new Set(group.map((row) => row.language));
    if (!languages.has('cy') || !languages.has('en')) continue;
    const pairId = randomUUID();
    for (const row of group) row.pairId = pairId;
  }
}
