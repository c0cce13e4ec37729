// What one poll of a channel's posts leaves behind: a snapshot per post (appended, never
// overwritten), the post's latest figures, and its next poll by the plan, in one statement per
// kind of answer. A post the platform says is gone is marked removed and keeps its last figures.
import { SYSTEM_ACTOR } from '../audit/record-audit';
import { preparedQuery } from '../publishing/hot-path';
import { engagementsOf, type Figures } from './figures';
import { afterPoll } from './poll-plan';
import { ukDaySql } from './start-reach';

export interface PolledPost {
  id: string;
  organisationId: string;
  publishedAt: Date;
  pollsDone: number;
}

export type PollAnswer = { kind: 'figures'; figures: Figures; raw: unknown } | { kind: 'removed' };

const RECORD_FIGURES = `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::jsonb[], $9::int[], $10::timestamp[])
      AS i("postId", views, reactions, comments, shares, "linkClicks", engagements, raw, "pollsDone", "nextPollAt")
  ), snapshots AS (
    INSERT INTO reach_snapshots ("postId", "collectedAt", views, reactions, comments, shares, "linkClicks", raw)
    SELECT "postId", $11, views, reactions, comments, shares, "linkClicks", raw FROM input
  ), old AS (
    -- The latest figures before this poll (a CTE reads the table as it was when the statement began).
    SELECT r.* FROM post_reach r JOIN input USING ("postId")
  ), latest AS (
    UPDATE post_reach r SET "collectedAt" = $11, views = i.views, reactions = i.reactions,
      comments = i.comments, shares = i.shares, "linkClicks" = i."linkClicks", engagements = i.engagements
    FROM input i WHERE r."postId" = i."postId"
  ), daily AS (
    -- Each day's rollup moves by the change in its posts' latest figures.
    INSERT INTO reach_daily ("campaignId", day, "organisationId", platform, theme, views, "viewsReported", reactions, "reactionsReported", comments, "commentsReported", shares, "sharesReported", "linkClicks", "linkClicksReported", engagements, "engagementsReported")
    SELECT o."campaignId", ${ukDaySql('o."publishedAt"')}, o."organisationId", o.platform, o.theme,
      sum(coalesce(i.views, 0) - coalesce(o.views, 0)), sum((i.views IS NOT NULL)::int - (o.views IS NOT NULL)::int),
      sum(coalesce(i.reactions, 0) - coalesce(o.reactions, 0)), sum((i.reactions IS NOT NULL)::int - (o.reactions IS NOT NULL)::int),
      sum(coalesce(i.comments, 0) - coalesce(o.comments, 0)), sum((i.comments IS NOT NULL)::int - (o.comments IS NOT NULL)::int),
      sum(coalesce(i.shares, 0) - coalesce(o.shares, 0)), sum((i.shares IS NOT NULL)::int - (o.shares IS NOT NULL)::int),
      sum(coalesce(i."linkClicks", 0) - coalesce(o."linkClicks", 0)), sum((i."linkClicks" IS NOT NULL)::int - (o."linkClicks" IS NOT NULL)::int),
      sum(coalesce(i.engagements, 0) - coalesce(o.engagements, 0)), sum((i.engagements IS NOT NULL)::int - (o.engagements IS NOT NULL)::int)
    FROM old o JOIN input i USING ("postId")
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ("campaignId", day, "organisationId", platform, theme) DO UPDATE SET
      views = reach_daily.views + excluded.views, "viewsReported" = reach_daily."viewsReported" + excluded."viewsReported",
      reactions = reach_daily.reactions + excluded.reactions, "reactionsReported" = reach_daily."reactionsReported" + excluded."reactionsReported",
      comments = reach_daily.comments + excluded.comments, "commentsReported" = reach_daily."commentsReported" + excluded."commentsReported",
      shares = reach_daily.shares + excluded.shares, "sharesReported" = reach_daily."sharesReported" + excluded."sharesReported",
      "linkClicks" = reach_daily."linkClicks" + excluded."linkClicks", "linkClicksReported" = reach_daily."linkClicksReported" + excluded."linkClicksReported",
      engagements = reach_daily.engagements + excluded.engagements, "engagementsReported" = reach_daily."engagementsReported" + excluded."engagementsReported"
  )
  UPDATE posts p SET "pollsDone" = i."pollsDone", "nextPollAt" = i."nextPollAt"
  FROM input i WHERE p.id = i."postId"`;

const RECORD_REMOVED = `
  WITH gone AS (
    UPDATE posts SET "removedAt" = $2, "nextPollAt" = NULL
    WHERE id = ANY($1::text[]) AND "removedAt" IS NULL
    RETURNING id, "organisationId"
  ), latest AS (
    UPDATE post_reach SET removed = true WHERE "postId" IN (SELECT id FROM gone)
  )
  INSERT INTO audit_events (at, "actorId", "actorLabel", action, "entityType", "entityId", "organisationId", before, after)
  SELECT $2, NULL, $3, 'post.removed_on_platform', 'post', id, "organisationId", NULL, '{"removed": true}'::jsonb
  FROM gone`;

/** Records the answers of one poll at `now`. Posts without an answer are left for their lease to expire. */
export async function recordPoll(
  posts: readonly PolledPost[],
  answers: ReadonlyMap<string, PollAnswer>,
  now: Date,
): Promise<{ polled: number; removed: number }> {
  const figured: { post: PolledPost; figures: Figures; raw: unknown }[] = [];
  const removed: string[] = [];
  for (const post of posts) {
    const answer = answers.get(post.id);
    if (answer?.kind === 'figures')
      figured.push({ post, figures: answer.figures, raw: answer.raw });
    else if (answer?.kind === 'removed') removed.push(post.id);
  }
  if (figured.length > 0) {
    const plans = figured.map(({ post }) => afterPoll(post.publishedAt, post.pollsDone, now));
    const column = (read: (row: (typeof figured)[number]) => unknown) => figured.map(read);
    await preparedQuery('signpost_record_poll', RECORD_FIGURES, [
      column((row) => row.post.id),
      column((row) => row.figures.views),
      column((row) => row.figures.reactions),
      column((row) => row.figures.comments),
      column((row) => row.figures.shares),
      column((row) => row.figures.linkClicks),
      column((row) => engagementsOf(row.figures)),
      column((row) => JSON.stringify(row.raw ?? null)),
      plans.map((plan) => plan.pollsDone),
      plans.map((plan) => plan.nextPollAt?.toISOString() ?? null),
      now,
    ]);
  }
  if (removed.length > 0) {
    await preparedQuery('signpost_record_removed', RECORD_REMOVED, [
      removed,
      now,
      SYSTEM_ACTOR.label,
    ]);
  }
  return { polled: figured.length, removed: removed.length };
}
