// What worked best, from the figures: the messages with the most engagements per post, and for
// each platform the UK hour of day whose posts drew the most engagements on average. Scoped and
// filtered exactly as the rest of the Reach page (the same conditions as reach-query.ts).

import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { rulesFor } from '../platforms/rules';
import type { Platform } from '../platforms/types';
import { UK_TIME_ZONE } from '../scheduling/london-time';
import { reachWhere, type ReachFilters } from './reach-query';

/** Fewer posts than this in an hour or for a message say too little to call it best. */
export const BEST_MIN_POSTS = 2;

export interface BestMessage {
  messageId: string;
  title: string;
  posts: number;
  engagementsPerPost: number;
  viewsPerPost: number | null;
}

export interface BestHour {
  platform: Platform;
  label: string;
  /** UK hour of day, 0–23. */
  hour: number;
  posts: number;
  engagementsPerPost: number;
}

export async function bestMessages(
  actor: Actor,
  filters: ReachFilters,
  limit = 5,
): Promise<BestMessage[]> {
  const where = await reachWhere(actor, filters);
  const rows = await db.$queryRaw<
    {
      messageId: string;
      title: string;
      posts: number;
      engagementsPerPost: number;
      viewsPerPost: number | null;
    }[]
  >`
    SELECT r."messageId", m.title, count(*)::int AS posts,
      avg(r.engagements)::float8 AS "engagementsPerPost", avg(r.views)::float8 AS "viewsPerPost"
    FROM post_reach r JOIN messages m ON m.id = r."messageId"
    WHERE ${where} AND r.engagements IS NOT NULL
    GROUP BY r."messageId", m.title
    HAVING count(*) >= ${BEST_MIN_POSTS}
    ORDER BY 4 DESC, 3 DESC
    LIMIT ${limit}`;
  return rows;
}

export async function bestHours(actor: Actor, filters: ReachFilters): Promise<BestHour[]> {
  const where = await reachWhere(actor, filters);
  const rows = await db.$queryRaw<
    { platform: Platform; hour: number; posts: number; engagementsPerPost: number }[]
  >`
    SELECT DISTINCT ON (platform) platform::text AS platform, hour, posts, "engagementsPerPost" FROM (
      SELECT r.platform,
        extract(hour FROM (r."publishedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${UK_TIME_ZONE})::int AS hour,
        count(*)::int AS posts, avg(r.engagements)::float8 AS "engagementsPerPost"
      FROM post_reach r
      WHERE ${where} AND r.engagements IS NOT NULL
      GROUP BY 1, 2
      HAVING count(*) >= ${BEST_MIN_POSTS}
    ) hours
    ORDER BY platform, "engagementsPerPost" DESC, posts DESC`;
  return rows.map((row) => ({ ...row, label: rulesFor(row.platform).label }));
}

/** "09:00–10:00" */
export const hourLabel = (hour: number) =>
  `${String(hour).padStart(2, '0')}:00–${String((hour + 1) % 24).padStart(2, '0')}:00`;
