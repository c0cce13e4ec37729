// A campaign runs over whole UK days: people choose a first and a last day, and the campaign is
// stored as the instants from the start of the first day to the start of the day after the last,
// so "ends 31 August" still covers that evening whether or not the clocks have changed. Pure.
import { Temporal } from 'temporal-polyfill';
import { UK_TIME_ZONE } from '../scheduling/london-time';

export interface CampaignDays {
  /** The first UK day, YYYY-MM-DD. */
  firstDay: string;
  /** The last UK day, YYYY-MM-DD, inclusive. */
  lastDay: string;
}

const dayStart = (date: string, days: number) =>
  new Date(
    Temporal.PlainDate.from(date).add({ days }).toZonedDateTime(UK_TIME_ZONE).epochMilliseconds,
  ).toISOString();

const ukDay = (instant: number) =>
  Temporal.Instant.fromEpochMilliseconds(instant)
    .toZonedDateTimeISO(UK_TIME_ZONE)
    .toPlainDate()
    .toString();

/** The instants a campaign of these days is stored as; null when a day is not a real date. */
export function campaignPeriod(days: CampaignDays): { startsAt: string; endsAt: string } | null {
  try {
    return { startsAt: dayStart(days.firstDay, 0), endsAt: dayStart(days.lastDay, 1) };
  } catch {
    // Temporal throws for "2026-02-30" and the like: the form shows its own error for those.
    return null;
  }
}

/** The UK days a stored campaign covers: the day it starts and the last day before it ends. */
export function campaignDays(campaign: { startsAt: string; endsAt: string }): CampaignDays {
  return {
    firstDay: ukDay(new Date(campaign.startsAt).getTime()),
    lastDay: ukDay(new Date(campaign.endsAt).getTime() - 1),
  };
}
