// Reach: figures per organisation, platform, message, theme and week; one post's snapshots; the
// CSV export and the campaign report (API.md, "Reach and outcomes").
import { z } from 'zod';
import { PostMetricsView } from '../../reach/post-metrics';
import { ReachQuery, ReachView } from '../../reach/reach-query';
import { defineEndpoint } from '../endpoint';

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const reachEndpoint = defineEndpoint({
  method: 'get',
  path: '/reach',
  summary:
    "Reach grouped by organisation, platform, message, theme or week: each group's figures are the sum of its posts' latest snapshots; a figure no post in the group reports is null, and `covers` names the platforms each figure is made of. Leads see every organisation; comms officers their force's rows and the campaign's totals; partners their own",
  tag: 'Reach',
  access: 'signed_in',
  query: ReachQuery,
  response: ReachView,
});

export const reachExportEndpoint = defineEndpoint({
  method: 'get',
  path: '/reach/export.csv',
  summary:
    'The same breakdown as GET /reach, as CSV: a header row, then one row per group with the filters it was made with; a figure not reported is an empty cell',
  tag: 'Reach',
  access: 'signed_in',
  query: ReachQuery,
  response: z.string(),
  contentType: 'text/csv',
});

export const postMetricsEndpoint = defineEndpoint({
  method: 'get',
  path: '/posts/{id}/metrics',
  summary: "A published post's latest figures and every snapshot, oldest first",
  tag: 'Reach',
  access: 'signed_in',
  params: IdParams,
  response: PostMetricsView,
});

export const campaignReportEndpoint = defineEndpoint({
  method: 'get',
  path: '/campaigns/{id}/report.pdf',
  summary:
    "The campaign's reach and help-seeking report as PDF: headline figures, charts, the per-force table and the outcomes comparison for the period (`from`/`to`, UK days; the campaign's own dates by default)",
  tag: 'Reach',
  access: 'signed_in',
  params: IdParams,
  query: z.strictObject({
    from: ReachQuery.shape.from,
    to: ReachQuery.shape.to,
  }),
  response: z.string(),
  contentType: 'application/pdf',
  errors: ['forbidden'],
});
