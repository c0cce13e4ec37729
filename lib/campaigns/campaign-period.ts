// A campaign runs over whole UK days: people choose a first and a last day, and the campaign is
// stored as the instants from the start of the first day to the start of the day after the last,
// so "ends 31 August" still covers that evening whether or not the clocks have changed. Pure.
import { dayOf, dayStart } from '../scheduling/london-time';

export interface CampaignDays {
  /** The first UK day, YYYY-MM-DD. */
  firstDay: string;
  /** The last UK day, YYYY-MM-DD, inclusive. */
  lastDay: string;
}

/** The instants a campaign of these days is stored as; null when a day is not a real date. */
export function campaignPeriod(days: CampaignDays): { startsAt: string; endsAt: string } | null {
  // Null for "2026-02-30" and the like: the form shows its own error for those.
  const startsAt = dayStart(days.firstDay);
  const endsAt = dayStart(days.lastDay, 1);
  return startsAt && endsAt
    ? { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }
    : null;
}

/** The UK days a stored campaign covers: the day it starts and the last day before it ends. */
export function campaignDays(campaign: { startsAt: string; endsAt: string }): CampaignDays {
  return {
    firstDay: dayOf(new Date(campaign.startsAt)),
    lastDay: dayOf(new Date(new Date(campaign.endsAt).getTime() - 1)),
  };
}
