// Reach per organisation, platform, message, theme or week: the sum of each published post's
// latest figures (post_reach, kept up to date as snapshots arrive, so a page sums one row per
// post instead of finding the newest of millions of snapshots — measured in docs/BENCHMARKS.md).
// Scoped by role in the query itself: leads see every organisation; a comms officer or partner
// sees their own organisations' rows, and a comms officer the campaign's totals beside them.
import { z } from 'zod';
import { Prisma } from '@/prisma/generated/client';
import { organisationScope, type Actor } from '../auth/permissions';
import { THEME_LABELS, Theme } from '../campaigns/campaign-schemas';
import { db } from '../db';
import { AppError } from '../errors';
import { rulesFor } from '../platforms/rules';
import { Platform } from '../platforms/types';
import { dayStart, LocalDate, UK_TIME_ZONE } from '../scheduling/london-time';
import { dayLabel } from './reach-period';
import { addReported, TOTAL_NAMES, type Covers, type TotalName } from './figures';

export const GROUP_BYS = ['organisation', 'platform', 'message', 'theme', 'week'] as const;
export const GroupBy = z.enum(GROUP_BYS);
export type GroupBy = z.infer<typeof GroupBy>;

/** A UK calendar day, YYYY-MM-DD, that exists ("2026-02-30" does not). */
export const UkDay = LocalDate.refine(
  (day) => dayStart(day) !== null,
  'is not a day in the calendar',
);

export const ReachQuery = z.strictObject({
  campaignId: z.string().min(1).max(64).optional(),
  from: UkDay.optional().meta({ description: 'first UK day, YYYY-MM-DD (by publish time)' }),
  to: UkDay.optional().meta({ description: 'last UK day, YYYY-MM-DD, included' }),
  organisation: z.string().min(1).max(100).optional().meta({ description: 'organisation slug' }),
  platform: Platform.optional(),
  theme: Theme.optional(),
  messageId: z.string().min(1).max(64).optional(),
  groupBy: GroupBy.default('organisation'),
});
export type ReachQuery = z.infer<typeof ReachQuery>;
export type ReachFilters = Omit<ReachQuery, 'groupBy'>;

const Figure = z.number().int().nullable();
const FigureColumns = {
  posts: z.number().int(),
  views: Figure,
  reactions: Figure,
  comments: Figure,
  shares: Figure,
  linkClicks: Figure,
  engagements: Figure,
};
const CoversView = z
  .object(Object.fromEntries(TOTAL_NAMES.map((name) => [name, z.array(Platform)])))
  .meta({ description: 'for each figure, the platforms whose posts it is made of' });

export const ReachTotals = z.object({ ...FigureColumns, covers: CoversView });
export type ReachTotals = Omit<z.infer<typeof ReachTotals>, 'covers'> & { covers: Covers };

export const ReachRow = ReachTotals.extend({ key: z.string(), label: z.string() });
export type ReachRow = ReachTotals & { key: string; label: string };

export const ReachView = z.object({
  groupBy: GroupBy,
  rows: z.array(ReachRow),
  totals: ReachTotals,
  campaignTotals: ReachTotals.nullable().meta({
    description:
      "the whole campaign's totals, every organisation, for a comms officer who sees only their own force's rows",
  }),
});
export type ReachView = {
  groupBy: GroupBy;
  rows: ReachRow[];
  totals: ReachTotals;
  campaignTotals: ReachTotals | null;
};

/** Resolved filters: instants and ids, checked. */
interface Where {
  scope: 'all' | string[];
  campaignId?: string;
  from?: Date;
  to?: Date;
  /** The same period as UK days, for the daily rollup. */
  fromDay?: string;
  toDay?: string;
  organisationId?: string;
  platform?: Platform;
  theme?: Theme;
  messageId?: string;
}

async function resolve(actor: Actor, filters: ReachFilters): Promise<Where> {
  const scope = organisationScope(actor, 'reach.read');
  const from = filters.from ? dayStart(filters.from) : undefined;
  const to = filters.to ? dayStart(filters.to, 1) : undefined;
  if (from === null)
    throw new AppError('validation_failed', '"from" is not a day.', {
      from: 'is not a calendar day',
    });
  if (to === null)
    throw new AppError('validation_failed', '"to" is not a day.', { to: 'is not a calendar day' });
  if (from && to && from >= to)
    throw new AppError('validation_failed', '"from" is after "to".', {
      from: 'must be on or before to',
    });
  let organisationId: string | undefined;
  if (filters.organisation) {
    const organisation = await db.organisation.findUnique({
      where: { slug: filters.organisation },
      select: { id: true },
    });
    if (!organisation)
      throw new AppError('validation_failed', 'No such organisation.', {
        organisation: `no organisation is called "${filters.organisation}"`,
      });
    organisationId = organisation.id;
  }
  return {
    scope,
    campaignId: filters.campaignId,
    from,
    to,
    fromDay: filters.from,
    toDay: filters.to,
    organisationId,
    platform: filters.platform,
    theme: filters.theme,
    messageId: filters.messageId,
  };
}

/** The period as each table holds it: instants per post, whole UK days in the rollup. */
const PERIODS = {
  r: (where: Where) => [
    where.from && Prisma.sql`r."publishedAt" >= ${where.from}`,
    where.to && Prisma.sql`r."publishedAt" < ${where.to}`,
  ],
  d: (where: Where) => [
    where.fromDay && Prisma.sql`d.day >= ${where.fromDay}::date`,
    where.toDay && Prisma.sql`d.day <= ${where.toDay}::date`,
  ],
};

/**
 * The scoped, filtered condition on post_reach (alias r) or the daily rollup (alias d), which has
 * no message: a view of one message reads post_reach.
 */
function conditions(
  where: Where,
  { scoped, alias = 'r' }: { scoped: boolean; alias?: 'r' | 'd' },
): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scoped && where.scope !== 'all') {
    parts.push(
      where.scope.length === 0
        ? Prisma.sql`FALSE`
        : Prisma.sql`${column('organisationId')} IN (${Prisma.join(where.scope)})`,
    );
  }
  if (where.campaignId) parts.push(Prisma.sql`${column('campaignId')} = ${where.campaignId}`);
  for (const part of PERIODS[alias](where)) if (part) parts.push(part);
  if (scoped && where.organisationId)
    parts.push(Prisma.sql`${column('organisationId')} = ${where.organisationId}`);
  if (where.platform) parts.push(Prisma.sql`${column('platform')} = ${where.platform}::"Platform"`);
  if (where.theme) parts.push(Prisma.sql`${column('theme')} = ${where.theme}::"Theme"`);
  if (where.messageId && alias === 'r')
    parts.push(Prisma.sql`${column('messageId')} = ${where.messageId}`);
  return Prisma.join(parts, ' AND ');
}

// The week a post was published in, on UK clocks, starting Monday.
const WEEK = Prisma.sql`date_trunc('week', (r."publishedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${UK_TIME_ZONE})::date::text`;

const KEYS: Record<GroupBy, Prisma.Sql> = {
  organisation: Prisma.sql`r."organisationId"`,
  platform: Prisma.sql`r.platform::text`,
  message: Prisma.sql`r."messageId"`,
  theme: Prisma.sql`r.theme::text`,
  week: WEEK,
};

// One scan, grouped by the key and the platform: the sums per platform tell which platforms each
// figure covers, and adding the platforms' rows gives each group's figures and the totals, with
// null where no post reports a figure (addReported). Measured in docs/BENCHMARKS.md: a second scan
// for the totals, or array_agg(DISTINCT) for the covers, cost more than the rest of the query.
const FIGURE_SQL = Prisma.sql`
  count(*)::int AS posts,
  sum(r.views)::bigint AS views, sum(r.reactions)::bigint AS reactions, sum(r.comments)::bigint AS comments,
  sum(r.shares)::bigint AS shares, sum(r."linkClicks")::bigint AS "linkClicks", sum(r.engagements)::bigint AS engagements`;

type PlatformRow = { key: string; platform: Platform; posts: number } & Record<
  TotalName,
  bigint | number | null
>;

const count = (value: bigint | number | null) => (value === null ? null : Number(value));

export const EMPTY_TOTALS: ReachTotals = {
  posts: 0,
  views: null,
  reactions: null,
  comments: null,
  shares: null,
  linkClicks: null,
  engagements: null,
  covers: { views: [], reactions: [], comments: [], shares: [], linkClicks: [], engagements: [] },
};

/** Adds one platform's sums into a group's totals (a fresh copy the first time). */
function addInto(total: ReachTotals, row: PlatformRow): ReachTotals {
  const next: ReachTotals = {
    ...total,
    posts: total.posts + row.posts,
    covers: { ...total.covers },
  };
  for (const name of TOTAL_NAMES) {
    const value = count(row[name]);
    next[name] = addReported(total[name], value);
    if (value !== null && !total.covers[name].includes(row.platform))
      next.covers[name] = [...total.covers[name], row.platform].sort();
  }
  return next;
}

const DAILY_KEYS: Partial<Record<GroupBy | 'none', Prisma.Sql>> = {
  none: Prisma.sql`''`,
  organisation: Prisma.sql`d."organisationId"`,
  platform: Prisma.sql`d.platform::text`,
  theme: Prisma.sql`d.theme::text`,
  week: Prisma.sql`date_trunc('week', d.day)::date::text`,
};

const reported = (name: string) =>
  Prisma.sql`CASE WHEN sum(d.${Prisma.raw(`"${name}Reported"`)}) > 0 THEN sum(d.${Prisma.raw(`"${name}"`)}) END AS ${Prisma.raw(`"${name}"`)}`;

const DAILY_FIGURE_SQL = Prisma.join(
  [Prisma.sql`sum(d.posts)::int AS posts`, ...TOTAL_NAMES.map(reported)],
  ', ',
);

/**
 * Each group's sums per platform. From the daily rollup when the view needs no message (a few
 * thousand rows a year); from each post's latest figures otherwise (a message's posts are few).
 */
async function platformRows(where: Where, groupBy: GroupBy | 'none', scoped: boolean) {
  const dailyKey = DAILY_KEYS[groupBy];
  if (dailyKey && !where.messageId) {
    return db.$queryRaw<PlatformRow[]>`
      SELECT ${dailyKey} AS key, d.platform::text AS platform, ${DAILY_FIGURE_SQL}
      FROM reach_daily d WHERE ${conditions(where, { scoped, alias: 'd' })}
      GROUP BY 1, 2 HAVING sum(d.posts) > 0`;
  }
  const key = groupBy === 'none' ? Prisma.sql`''` : KEYS[groupBy];
  return db.$queryRaw<PlatformRow[]>`
    SELECT ${key} AS key, r.platform::text AS platform, ${FIGURE_SQL}
    FROM post_reach r WHERE ${conditions(where, { scoped })}
    GROUP BY 1, 2`;
}

function merge(rows: readonly PlatformRow[]): {
  groups: Map<string, ReachTotals>;
  totals: ReachTotals;
} {
  const groups = new Map<string, ReachTotals>();
  let totals = EMPTY_TOTALS;
  for (const row of rows) {
    groups.set(row.key, addInto(groups.get(row.key) ?? EMPTY_TOTALS, row));
    totals = addInto(totals, row);
  }
  return { groups, totals };
}

async function totalsWhere(where: Where, scoped: boolean): Promise<ReachTotals> {
  return merge(await platformRows(where, 'none', scoped)).totals;
}

/** "w/c 2 Nov 2026" for the week starting 2026-11-02. */
export function weekLabel(monday: string): string {
  return `w/c ${dayLabel(monday)}`;
}

async function labelsFor(groupBy: GroupBy, keys: string[]): Promise<Map<string, string>> {
  switch (groupBy) {
    case 'organisation': {
      const found = await db.organisation.findMany({
        where: { id: { in: keys } },
        select: { id: true, name: true },
      });
      return new Map(found.map((row) => [row.id, row.name]));
    }
    case 'message': {
      const found = await db.message.findMany({
        where: { id: { in: keys } },
        select: { id: true, title: true },
      });
      return new Map(found.map((row) => [row.id, row.title]));
    }
    case 'platform':
      return new Map(keys.map((key) => [key, rulesFor(key as Platform).label]));
    case 'theme':
      return new Map(keys.map((key) => [key, THEME_LABELS[key as Theme]]));
    case 'week':
      return new Map(keys.map((key) => [key, weekLabel(key)]));
  }
}

/** Rows in the order a reader expects: weeks in time order, everything else busiest first. */
function ordered(groupBy: GroupBy, rows: ReachRow[]): ReachRow[] {
  if (groupBy === 'week') return rows.sort((a, b) => a.key.localeCompare(b.key));
  return rows.sort(
    (a, b) =>
      (b.views ?? -1) - (a.views ?? -1) ||
      (b.engagements ?? -1) - (a.engagements ?? -1) ||
      b.posts - a.posts ||
      a.label.localeCompare(b.label),
  );
}

/** The whole view GET /reach answers. */
export async function reachView(actor: Actor, query: ReachQuery): Promise<ReachView> {
  const where = await resolve(actor, query);
  const { groups, totals } = merge(await platformRows(where, query.groupBy, true));
  const labels = await labelsFor(query.groupBy, [...groups.keys()]);
  const rows = ordered(
    query.groupBy,
    [...groups].map(([key, figures]) => ({ key, label: labels.get(key) ?? key, ...figures })),
  );
  // Campaign totals beside a comms officer's own rows: every organisation, only as totals.
  const campaignTotals =
    where.scope !== 'all' && organisationScope(actor, 'reach.totals') === 'all'
      ? await totalsWhere(where, false)
      : null;
  return { groupBy: query.groupBy, rows, totals, campaignTotals };
}

/** The scoped, filtered condition on post_reach (alias r), for the page's other queries. */
export async function reachWhere(actor: Actor, filters: ReachFilters): Promise<Prisma.Sql> {
  return conditions(await resolve(actor, filters), { scoped: true });
}

/** Totals only, for tiles and summaries. */
export async function reachTotals(actor: Actor, filters: ReachFilters): Promise<ReachTotals> {
  return totalsWhere(await resolve(actor, filters), true);
}
