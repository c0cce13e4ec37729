// A breakdown as CSV (GET /reach/export.csv and the Reach page's Export): a header row, then one
// row per group. A figure the platform does not report is an empty cell, never 0; each row also
// carries the filters it was made with, so a sheet pasted together from several exports still
// says what each row counts. csv-stringify does the quoting (commas and quotes in message titles).
import { stringify } from 'csv-stringify/sync';
import type { ReachQuery, ReachView } from './reach-query';

export const CSV_COLUMNS = [
  'groupBy',
  'key',
  'label',
  'posts',
  'views',
  'reactions',
  'comments',
  'shares',
  'linkClicks',
  'engagements',
  'from',
  'to',
  'campaignId',
  'organisation',
  'platform',
  'theme',
  'messageId',
] as const;

export function reachCsv(view: ReachView, query: ReachQuery): string {
  const filters = [
    query.from ?? '',
    query.to ?? '',
    query.campaignId ?? '',
    query.organisation ?? '',
    query.platform ?? '',
    query.theme ?? '',
    query.messageId ?? '',
  ];
  const records = view.rows.map((row) => [
    view.groupBy,
    row.key,
    row.label,
    row.posts,
    row.views ?? '',
    row.reactions ?? '',
    row.comments ?? '',
    row.shares ?? '',
    row.linkClicks ?? '',
    row.engagements ?? '',
    ...filters,
  ]);
  return stringify([[...CSV_COLUMNS], ...records]);
}

/** "reach-by-platform-2026-11-01-to-2026-11-28.csv" */
export function reachCsvFilename(query: ReachQuery): string {
  const period = [query.from, query.to].filter(Boolean).join('-to-');
  return `reach-by-${query.groupBy}${period ? `-${period}` : ''}.csv`;
}
