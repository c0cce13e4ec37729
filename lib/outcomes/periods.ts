// Help-seeking figures are counted per calendar day range (the charity reports by month or by
// half-year), so their dates are plain `YYYY-MM-DD` days with no time or zone. Pure.
import { z } from 'zod';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day written `YYYY-MM-DD` (not 2018-02-30). */
export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

export const Day = z
  .string({ error: 'must be a date written YYYY-MM-DD, such as 2018-02-01' })
  .refine(isDay, { error: 'must be a date written YYYY-MM-DD, such as 2018-02-01' });

/** A day range, both ends included. */
export interface Period {
  from: string;
  to: string;
}

/** `2017-07-01/2018-01-31` (the form `/outcomes/compare` takes) as a period. */
export const PeriodText = z
  .string()
  .max(21, { error: 'must be two dates, from/to, such as 2017-07-01/2018-01-31' })
  .transform((text, context): Period => {
    const [from = '', to = '', ...rest] = text.split('/');
    if (rest.length > 0 || !isDay(from) || !isDay(to)) {
      context.addIssue({
        code: 'custom',
        message: 'must be two dates, from/to, such as 2017-07-01/2018-01-31',
      });
      return z.NEVER;
    }
    if (to < from) {
      context.addIssue({ code: 'custom', message: 'must end on or after the day it starts' });
      return z.NEVER;
    }
    return { from, to };
  });

export const periodText = (period: Period) => `${period.from}/${period.to}`;

/** The day as the database's DATE column takes it (midnight UTC). */
export const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);
/** A DATE column's value as its day. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Whether two periods share at least one day. */
export const overlap = (a: Period, b: Period) => a.from <= b.to && b.from <= a.to;

/** Whether `inner` lies wholly inside `outer`. */
export const within = (inner: Period, outer: Period) =>
  inner.from >= outer.from && inner.to <= outer.to;

/**
 * The comparison the campaign published (../shared/CAMPAIGN.md): July 2017 to January 2018,
 * before the campaign, against the six months after it launched. The Reach page opens on it and
 * the seed's figures use it.
 */
export const CAMPAIGN_COMPARISON = {
  before: { from: '2017-07-01', to: '2018-01-31' },
  during: { from: '2018-02-01', to: '2018-07-31' },
} as const satisfies Record<'before' | 'during', Period>;
