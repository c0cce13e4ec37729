// Everything the Reach page shows, for one person and one address: the filters read from the URL
// (so a view can be shared), the period and the one before it, the headline totals, the chosen
// breakdown, and what worked best. The page renders this and decides nothing itself.
import { z } from 'zod';
import { organisationScope, type Actor } from '../auth/permissions';
import { THEME_LABELS, Theme } from '../campaigns/campaign-schemas';
import { campaignDays } from '../campaigns/campaign-period';
import { db } from '../db';
import { rulesFor } from '../platforms/rules';
import { PLATFORMS, Platform } from '../platforms/types';
import { dayOf } from '../scheduling/london-time';
import { bestHours, bestMessages, type BestHour, type BestMessage } from './best';
import {
  GroupBy,
  reachTotals,
  reachView,
  type ReachQuery,
  UkDay,
  type ReachTotals,
  type ReachView,
} from './reach-query';
import {
  PERIOD_PRESETS,
  presetRange,
  previousPeriod,
  rangeLabel,
  type DayRange,
  type PeriodPreset,
} from './reach-period';

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The page's address parameters; anything unreadable falls back to the default, never an error page. */
const PageParams = z.object({
  campaign: z.string().max(64).optional().catch(undefined),
  period: z
    .enum([...PERIOD_PRESETS, 'custom'])
    .optional()
    .catch(undefined),
  from: UkDay.optional().catch(undefined),
  to: UkDay.optional().catch(undefined),
  organisation: z.string().max(100).optional().catch(undefined),
  platform: Platform.optional().catch(undefined),
  theme: Theme.optional().catch(undefined),
  by: GroupBy.optional().catch(undefined),
});

export interface CampaignChoice {
  id: string;
  name: string;
  firstDay: string;
  lastDay: string;
  status: string;
}

export interface ReachSelection {
  campaignId: string | null;
  period: PeriodPreset | 'custom';
  range: DayRange;
  organisation?: string;
  platform?: Platform;
  theme?: Theme;
  by: GroupBy;
}

/**
 * Reads the address. The default campaign is the newest active one; the default period the last
 * 28 days; a custom period needs both days in order, or it is the default. Pure.
 */
export function readReachParams(
  params: SearchParams,
  today: string,
  campaigns: readonly CampaignChoice[],
): ReachSelection {
  const parsed = PageParams.parse(
    Object.fromEntries(Object.entries(params).map(([key, value]) => [key, one(value)])),
  );
  const campaign =
    campaigns.find((choice) => choice.id === parsed.campaign) ??
    campaigns.find((choice) => choice.status === 'active') ??
    campaigns[0] ??
    null;
  const custom =
    parsed.period === 'custom' && parsed.from && parsed.to && parsed.from <= parsed.to
      ? { from: parsed.from, to: parsed.to }
      : null;
  const period: PeriodPreset | 'custom' = custom
    ? 'custom'
    : parsed.period && parsed.period !== 'custom'
      ? parsed.period
      : '28d';
  const range = custom ?? presetRange(period as PeriodPreset, today, campaign);
  return {
    campaignId: campaign?.id ?? null,
    period,
    range,
    organisation: parsed.organisation,
    platform: parsed.platform,
    theme: parsed.theme,
    by: parsed.by ?? 'organisation',
  };
}

/** The address of a selection, for links, the filter bar and the exports. */
export function reachSearch(selection: ReachSelection): URLSearchParams {
  const params = new URLSearchParams();
  if (selection.campaignId) params.set('campaign', selection.campaignId);
  params.set('period', selection.period);
  if (selection.period === 'custom') {
    params.set('from', selection.range.from);
    params.set('to', selection.range.to);
  }
  if (selection.organisation) params.set('organisation', selection.organisation);
  if (selection.platform) params.set('platform', selection.platform);
  if (selection.theme) params.set('theme', selection.theme);
  params.set('by', selection.by);
  return params;
}

/** The same filters as GET /reach takes them (for the CSV export link). */
export function apiQueryOf(selection: ReachSelection): Omit<ReachQuery, 'groupBy'> {
  return {
    ...(selection.campaignId ? { campaignId: selection.campaignId } : {}),
    from: selection.range.from,
    to: selection.range.to,
    ...(selection.organisation ? { organisation: selection.organisation } : {}),
    ...(selection.platform ? { platform: selection.platform } : {}),
    ...(selection.theme ? { theme: selection.theme } : {}),
  };
}

export interface ReachPage {
  selection: ReachSelection;
  periodLabel: string;
  previousLabel: string;
  campaigns: CampaignChoice[];
  organisations: { slug: string; name: string }[];
  platforms: { value: Platform; label: string }[];
  themes: { value: Theme; label: string }[];
  totals: ReachTotals;
  previous: ReachTotals;
  /** The campaign's totals over every organisation, for someone who sees only their own. */
  campaignTotals: ReachTotals | null;
  breakdown: ReachView;
  bestMessages: BestMessage[];
  bestHours: BestHour[];
  exportQuery: string;
}

export async function loadReachPage(
  actor: Actor,
  params: SearchParams,
  now: Date,
): Promise<ReachPage> {
  const scope = organisationScope(actor, 'reach.read');
  const [campaignRows, organisationRows] = await Promise.all([
    db.campaign.findMany({ orderBy: [{ startsAt: 'desc' }, { id: 'desc' }] }),
    db.organisation.findMany({
      where: scope === 'all' ? {} : { id: { in: scope } },
      orderBy: [{ kind: 'asc' }, { name: 'asc' }],
      select: { slug: true, name: true },
    }),
  ]);
  const campaigns = campaignRows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    ...campaignDays({ startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() }),
  }));
  const selection = readReachParams(params, dayOf(now), campaigns);
  // An organisation outside the person's scope is dropped rather than answered with nothing.
  if (
    selection.organisation &&
    !organisationRows.some((row) => row.slug === selection.organisation)
  )
    selection.organisation = undefined;
  const filters = apiQueryOf(selection);
  const previousRange = previousPeriod(selection.range);
  const [breakdown, previous, best, hours] = await Promise.all([
    reachView(actor, { ...filters, groupBy: selection.by }),
    reachTotals(actor, { ...filters, ...previousRange }),
    bestMessages(actor, filters),
    bestHours(actor, filters),
  ]);
  return {
    selection,
    periodLabel: rangeLabel(selection.range),
    previousLabel: rangeLabel(previousRange),
    campaigns,
    organisations: organisationRows,
    platforms: PLATFORMS.map((platform) => ({ value: platform, label: rulesFor(platform).label })),
    themes: Object.entries(THEME_LABELS).map(([value, label]) => ({
      value: value as Theme,
      label,
    })),
    totals: breakdown.totals,
    previous,
    campaignTotals: breakdown.campaignTotals,
    breakdown,
    bestMessages: best,
    bestHours: hours,
    exportQuery: new URLSearchParams({ ...filters, groupBy: selection.by }).toString(),
  };
}
