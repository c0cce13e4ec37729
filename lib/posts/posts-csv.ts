// The schedule as CSV (GET /posts/export.csv and the Schedule page's "Export CSV"): a header row,
// then one row per post the filters find, each time both as people in the UK read it and as
// ISO 8601. csv-stringify does the quoting, as for the reach export (lib/reach/reach-csv.ts); a
// cell a spreadsheet would run as a formula is defused here. Pure.
import type { PostView } from './post-view';
import { formatLocal } from '../scheduling/london-time';

export const POSTS_CSV_COLUMNS = [
  'id',
  'scheduledAtUk',
  'scheduledAt',
  'status',
  'platform',
  'organisation',
  'channel',
  'messageId',
  'messageTitle',
  'text',
  'publishedAtUk',
  'publishedAt',
  'externalUrl',
  'problem',
] as const;

/**
 * A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
 * spreadsheets skip before looking) is a formula to Excel and Sheets: a quote before it makes it
 * text (OWASP's advice on CSV injection). Post text is written by people and could start so.
 */
export function defuseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function postCsvRow(post: PostView): string[] {
  const cells = [
    post.id,
    formatLocal(new Date(post.scheduledAt)),
    post.scheduledAt,
    post.status,
    post.platform,
    post.organisation.name,
    post.channel.handle,
    post.messageId,
    post.messageTitle,
    post.text,
    post.publishedAt ? formatLocal(new Date(post.publishedAt)) : '',
    post.publishedAt ?? '',
    post.externalUrl ?? '',
    post.heldReason ?? post.lastError ?? '',
  ];
  return cells.map(defuseCell);
}

/** "schedule-2026-12-01.csv": the day it was made, on the UK clock. */
export function postsCsvFilename(now: Date): string {
  return `schedule-${now.toLocaleDateString('en-CA', { timeZone: 'Europe/London' })}.csv`;
}
