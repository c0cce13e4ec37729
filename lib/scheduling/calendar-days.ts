// The calendar's arithmetic in UK days (issue 10). Pure, so the server caps a busy day with it
// and the browser works out where a dragged post lands with the same rules. A UK day is 23 or 25
// hours long on the clocks-change days, so days are always made with dayStart, never by adding
// 24 hours, and a post keeps its wall-clock time when it moves to another day.
import { Temporal } from 'temporal-polyfill';
import { dayOf, dayStart, type LocalDateTime, toLocalParts, UK_TIME_ZONE } from './london-time';

/** Longest range the calendar asks for: a month view shows six weeks; a list may show two months. */
export const MAX_CALENDAR_DAYS = 62;

export interface UkDay {
  /** YYYY-MM-DD */
  date: string;
  start: Date;
  end: Date;
}

/** The UK days that [from, to) touches, in order; at most `limit`, else null. */
export function ukDaysBetween(
  from: Date,
  to: Date,
  limit = MAX_CALENDAR_DAYS,
  zone: string = UK_TIME_ZONE,
): UkDay[] | null {
  if (to.getTime() <= from.getTime()) return [];
  const first = dayOf(from, zone);
  const days: UkDay[] = [];
  for (let index = 0; ; index++) {
    const start = dayStart(first, index, zone);
    const end = dayStart(first, index + 1, zone);
    if (start === null || end === null) return null;
    if (start.getTime() >= to.getTime()) return days;
    if (days.length === limit) return null;
    days.push({ date: dayOf(start, zone), start, end });
  }
}

export interface DayCount {
  date: string;
  /** Posts on that day that match the filters. */
  total: number;
  /** How many of them the answer carries (the first ones, in time order). */
  shown: number;
}

/**
 * The first `perDay` posts of each day and every day's count, from posts sorted by time. Days
 * without posts are left out of the counts.
 */
export function capPerDay<T extends { scheduledAt: Date }>(
  sorted: readonly T[],
  days: readonly UkDay[],
  perDay: number,
): { kept: T[]; days: DayCount[] } {
  const kept: T[] = [];
  const counts: DayCount[] = [];
  let day = 0;
  let current = null as DayCount | null;
  for (const post of sorted) {
    const at = post.scheduledAt.getTime();
    while (day < days.length && at >= days[day]!.end.getTime()) day++;
    const bucket = days[day];
    if (bucket === undefined || at < bucket.start.getTime()) continue;
    if (current?.date !== bucket.date) {
      current = { date: bucket.date, total: 0, shown: 0 };
      counts.push(current);
    }
    current.total++;
    if (current.shown < perDay) {
      current.shown++;
      kept.push(post);
    }
  }
  return { kept, days: counts };
}

/** How far a post was dragged, as the calendar reports it: whole days and wall-clock time. */
export interface DragDelta {
  years?: number;
  months?: number;
  days: number;
  milliseconds: number;
}

/**
 * The UK wall-clock date and time a post dragged by `delta` lands on: the days move the date and
 * keep the time of day (a 09:00 post dropped on the Sunday the clocks change is still at 09:00),
 * and time moved in a week view moves the clock hands. The server then says whether that time
 * exists (the clocks skip 01:00–02:00 in March) or happens twice (October).
 */
export function droppedTime(
  scheduledAt: Date,
  delta: DragDelta,
  zone: string = UK_TIME_ZONE,
): LocalDateTime {
  const parts = toLocalParts(scheduledAt, zone);
  const moved = Temporal.PlainDateTime.from(`${parts.date}T${parts.time}`).add({
    years: delta.years ?? 0,
    months: delta.months ?? 0,
    days: delta.days,
    milliseconds: delta.milliseconds,
  });
  return {
    date: moved.toPlainDate().toString(),
    time: moved.toPlainTime().toString({ smallestUnit: 'minute' }),
  };
}

/**
 * The whole UK days [start, end) touches, as dates (end exclusive): how a month grid shades a
 * blackout from 18:00 on Tuesday to noon on Thursday (Tuesday to Thursday, all three days).
 */
export function ukDaySpan(
  start: Date,
  end: Date,
  zone: string = UK_TIME_ZONE,
): { start: string; end: string } {
  const first = dayOf(start, zone);
  const last = dayOf(new Date(Math.max(start.getTime(), end.getTime() - 1)), zone);
  const after = dayStart(last, 1, zone);
  return { start: first, end: after === null ? last : dayOf(after, zone) };
}
