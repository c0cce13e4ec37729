// Gathers the campaign report (GET /campaigns/:id/report.pdf): the period's totals and the
// previous period's, by week, organisation and platform, and the help-seeking comparison.
// Campaign leads only: it shows every force's figures.
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import { campaignDays } from '../campaigns/campaign-period';
import { getCampaign } from '../campaigns/get-campaign';
import { AppError, forbidden } from '../errors';
import { dayOf, formatLocal } from '../scheduling/london-time';
import { previousPeriod, rangeLabel, type DayRange } from './reach-period';
import { reachTotals, reachView } from './reach-query';
import { renderCampaignReport, type CampaignReport } from './report-pdf';

export interface ReportRequest {
  campaignId: string;
  from?: string;
  to?: string;
}

/** The period a report covers: what was asked, else the campaign's days up to today. */
export function reportPeriod(
  campaign: { firstDay: string; lastDay: string },
  asked: { from?: string; to?: string },
  today: string,
): DayRange {
  const to = asked.to ?? (campaign.lastDay < today ? campaign.lastDay : today);
  const from = asked.from ?? (campaign.firstDay <= to ? campaign.firstDay : to);
  return { from, to };
}

export type OutcomesForReport = (period: DayRange) => Promise<CampaignReport['outcomes']>;

export async function campaignReport(
  actor: Actor,
  request: ReportRequest,
  now: Date,
  outcomesFor: OutcomesForReport,
): Promise<{ pdf: Buffer; filename: string }> {
  if (!can(actor, 'reach.report'))
    throw forbidden(
      'Only campaign leads can make the campaign report: it shows every force’s figures.',
    );
  const campaign = await getCampaign(actor, request.campaignId);
  const period = reportPeriod(campaignDays(campaign), request, dayOf(now));
  if (period.from > period.to)
    throw new AppError('validation_failed', 'The report’s first day is after its last.', {
      [request.from ? 'from' : 'to']:
        `must be on or before ${request.from ? 'to' : 'from'} (${request.from ? period.to : period.from})`,
    });
  const previous = previousPeriod(period);
  const filters = { campaignId: campaign.id, ...period };
  const [totals, previousTotals, byWeek, byOrganisation, byPlatform, outcomes] = await Promise.all([
    reachTotals(actor, filters),
    reachTotals(actor, { campaignId: campaign.id, ...previous }),
    reachView(actor, { ...filters, groupBy: 'week' }),
    reachView(actor, { ...filters, groupBy: 'organisation' }),
    reachView(actor, { ...filters, groupBy: 'platform' }),
    outcomesFor(period),
  ]);
  const pdf = await renderCampaignReport({
    campaignName: campaign.name,
    periodLabel: rangeLabel(period),
    previousLabel: rangeLabel(previous),
    madeAt: formatLocal(now),
    totals,
    previous: previousTotals,
    byWeek: byWeek.rows,
    byOrganisation: byOrganisation.rows,
    byPlatform: byPlatform.rows,
    outcomes,
  });
  return { pdf, filename: `${campaign.slug}-report-${period.from}-to-${period.to}.pdf` };
}
