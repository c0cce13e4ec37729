// The periods the Reach page compares: UK days, the last one included. The presets (last 7 days,
// last 28 days, campaign to date) and "the previous period of the same length" that every tile's
// change is measured against. Pure: today comes in as an argument.
import { Temporal } from 'temporal-polyfill';

export interface DayRange {
  /** First UK day, YYYY-MM-DD. */
  from: string;
  /** Last UK day, YYYY-MM-DD, included. */
  to: string;
}

export const PERIOD_PRESETS = ['7d', '28d', 'campaign'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  '7d': 'Last 7 days',
  '28d': 'Last 28 days',
  campaign: 'Campaign to date',
};

const day = (text: string) => Temporal.PlainDate.from(text);

/** Days in a range, both ends counted. */
export function daysIn(range: DayRange): number {
  return day(range.from).until(day(range.to), { largestUnit: 'days' }).days + 1;
}

/** The same number of days just before the range. */
export function previousPeriod(range: DayRange): DayRange {
  const length = daysIn(range);
  return {
    from: day(range.from).subtract({ days: length }).toString(),
    to: day(range.from).subtract({ days: 1 }).toString(),
  };
}

/**
 * A preset's days as of `today` (a UK day): the last 7 or 28 days end today; "campaign to date"
 * runs from the campaign's first day to today, or to its last day once it has ended.
 */
export function presetRange(
  preset: PeriodPreset,
  today: string,
  campaign: { firstDay: string; lastDay: string } | null,
): DayRange {
  if (preset === 'campaign' && campaign) {
    const to =
      Temporal.PlainDate.compare(day(campaign.lastDay), day(today)) < 0 ? campaign.lastDay : today;
    const from =
      Temporal.PlainDate.compare(day(campaign.firstDay), day(to)) > 0 ? to : campaign.firstDay;
    return { from, to };
  }
  const length = preset === '7d' ? 7 : 28;
  return {
    from: day(today)
      .subtract({ days: length - 1 })
      .toString(),
    to: today,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Nov 2026" for 2026-11-03. */
export function dayLabel(text: string): string {
  const date = day(text);
  return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** "3 Nov 2026 to 30 Nov 2026" */
export function rangeLabel(range: DayRange): string {
  return range.from === range.to
    ? dayLabel(range.from)
    : `${dayLabel(range.from)} to ${dayLabel(range.to)}`;
}
