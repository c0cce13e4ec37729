// How reach figures read, on the page, in the report and in the exports' neighbours. Pure.
import { rulesFor } from '../platforms/rules';
import type { Platform } from '../platforms/types';

const whole = new Intl.NumberFormat('en-GB');

/** 12,345, or "not reported" (never 0) for a figure no platform in the set gives. */
export const formatFigure = (value: number | null) =>
  value === null ? 'not reported' : whole.format(value);

export type Change = { kind: 'none' } | { kind: 'new' } | { kind: 'change'; fraction: number };

/** The change from `before` to `now`; none when either is not reported. */
export function changeOf(now: number | null, before: number | null): Change {
  if (now === null || before === null) return { kind: 'none' };
  if (before === 0) return now === 0 ? { kind: 'change', fraction: 0 } : { kind: 'new' };
  return { kind: 'change', fraction: (now - before) / before };
}

/** "+12 %", "−3 %" (a real minus sign), "no change". */
export function formatFraction(fraction: number): string {
  const percent = Math.round(fraction * 100);
  if (percent === 0) return 'no change';
  return `${percent > 0 ? '+' : '−'}${whole.format(Math.abs(percent))} %`;
}

export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'none':
      return '';
    case 'new':
      return 'none in the previous period';
    case 'change':
      return formatFraction(change.fraction);
  }
}

/** "X, Facebook and Instagram" */
export function platformList(platforms: readonly Platform[]): string {
  const labels = platforms.map((platform) => rulesFor(platform).label);
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}
