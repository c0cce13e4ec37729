// How the outcomes panel words its figures: a change as "+103 %", a period as UK dates, and an
// upload's problem by the row people see in their spreadsheet. Pure.
import type { Period } from '@/lib/outcomes/periods';

const percent = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** 1.0315 → "+103 %"; -0.12 → "−12 %"; null → null. */
export function formatChange(change: number | null): string | null {
  if (change === null) return null;
  const rounded = Math.round(change * 100);
  if (rounded === 0) return '0 %';
  return `${rounded > 0 ? '+' : '−'}${percent.format(Math.abs(rounded))} %`;
}

/** "1 Jul 2017 – 31 Jan 2018" (the days are calendar days, not instants: no zone shifts them). */
export function periodLabel(period: Period): string {
  return `${day.format(new Date(`${period.from}T00:00:00Z`))} – ${day.format(new Date(`${period.to}T00:00:00Z`))}`;
}

/** `figures.3.contacts` → "Row 4, contacts"; `header` → "The header (line 1)". */
export function problemLabel(path: string): string {
  if (path === 'header') return 'The header (line 1)';
  if (path === 'figures' || path === 'csv' || path === 'body' || path === 'form') return 'The file';
  const match = /^figures\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!match) return path;
  const row = `Row ${Number(match[1]) + 1}`;
  return match[2] ? `${row}, ${match[2]}` : row;
}
