// The next ordinary local elections' pre-election period, offered as a blackout preset (issue
// 11): councils stop campaigning publicity from the notice of election until the count. Polling
// day for ordinary local elections in England is the first Thursday in May; the notice of
// election is published no later than the 25th working day before it (Local Elections
// (Principal Areas) Rules 2006, Sched. 1 r.1: weekends and bank holidays are not working days).
// The period is taken to end at the close of the day after polling day, when counts finish. Pure.
import { dayStart } from '../scheduling/london-time';

export interface ElectionPeriod {
  pollingDay: string;
  /** YYYY-MM-DD, UK: the day the notice of election is due. */
  fromDay: string;
  /** YYYY-MM-DD, UK: the first day after the period. */
  untilDay: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utcDay = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** Easter Sunday (Gregorian), by the anonymous algorithm. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDay(year, month, day);
}

/** The first weekday `weekday` (0 Sunday … 6 Saturday) of a month. */
function firstWeekday(year: number, month: number, weekday: number): Date {
  const first = utcDay(year, month, 1);
  return addDays(first, (weekday - first.getUTCDay() + 7) % 7);
}

/** England's bank holidays that can fall in the 25 working days before a May polling day. */
function springBankHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  return new Set([
    iso(addDays(easter, -2)),
    iso(addDays(easter, 1)),
    iso(firstWeekday(year, 5, 1)),
  ]);
}

export function electionPeriodOf(year: number): ElectionPeriod {
  const polling = firstWeekday(year, 5, 4);
  const holidays = springBankHolidays(year);
  let day = polling;
  for (let working = 0; working < 25;) {
    day = addDays(day, -1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(iso(day))) working += 1;
  }
  const fromDay = iso(day);
  const untilDay = iso(addDays(polling, 2));
  return {
    pollingDay: iso(polling),
    fromDay,
    untilDay,
    startsAt: dayStart(fromDay)!,
    endsAt: dayStart(untilDay)!,
    reason: `Pre-election period: local elections on ${polling.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })}`,
  };
}

/** The period not yet over at `now`: this year's, or next year's once this year's has ended. */
export function nextElectionPeriod(now: Date): ElectionPeriod {
  const year = now.getUTCFullYear();
  const current = electionPeriodOf(year);
  return now < current.endsAt ? current : electionPeriodOf(year + 1);
}
