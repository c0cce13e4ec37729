// The amplification page's address read into the same query as GET /api/v1/amplification, with
// the choices its filters offer. Anything unreadable in the address falls back to the default
// (the newest active campaign, this week), never an error page.
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { ukWeek } from '../library/pack-week';
import { campaignWeeks } from './campaign-weeks';
import { UkDate, type AmplificationView } from './amplification-schemas';
import { loadAmplification, weekLabel } from './load-amplification';

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export interface AmplificationPage {
  view: AmplificationView;
  campaigns: { value: string; label: string }[];
  weeks: { value: string; label: string }[];
}

export async function loadAmplificationPage(
  actor: Actor,
  params: SearchParams,
  now: Date,
): Promise<AmplificationPage> {
  const campaigns = await db.campaign.findMany({
    orderBy: [{ status: 'asc' }, { startsAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, startsAt: true, endsAt: true },
  });
  const asked = one(params.campaign);
  const campaign = campaigns.find((choice) => choice.id === asked) ?? campaigns[0];
  const week = UkDate.safeParse(one(params.week));
  const monday = (week.success ? ukWeek(week.data, now) : null)?.monday;
  const view = await loadAmplification(
    actor,
    { ...(campaign ? { campaignId: campaign.id } : {}), ...(monday ? { week: monday } : {}) },
    now,
  );
  const weeks = campaign ? campaignWeeks(campaign, now) : [];
  if (!weeks.includes(view.week.monday)) weeks.unshift(view.week.monday);
  return {
    view,
    campaigns: campaigns.map((choice) => ({ value: choice.id, label: choice.name })),
    weeks: weeks.map((value) => ({ value, label: weekLabel(value) })),
  };
}
