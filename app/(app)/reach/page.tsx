import { Alert, Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { OutcomesPanel } from '@/components/reach/outcomes-panel';
import { ReachBest } from '@/components/reach/reach-best';
import { ReachBreakdown } from '@/components/reach/reach-breakdown';
import { ReachFilters } from '@/components/reach/reach-filters';
import { ReachTiles } from '@/components/reach/reach-tiles';
import { RefreshButton } from '@/components/reach/refresh-button';
import { PageHeader } from '@/components/shell/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { compareOutcomes } from '@/lib/outcomes/compare-outcomes';
import { CAMPAIGN_COMPARISON, PeriodText } from '@/lib/outcomes/periods';
import { reachByArea } from '@/lib/reach/reach-by-area';
import { formatFigure } from '@/lib/reach/reach-format';
import { loadReachPage } from '@/lib/reach/reach-page';

export const metadata: Metadata = { title: 'Reach' };

type SearchParams = Record<string, string | string[] | undefined>;

/** A help-seeking period from the address, or the campaign's published one when missing or not a period. */
function periodFrom(value: string | string[] | undefined, fallback: { from: string; to: string }) {
  const parsed = PeriodText.safeParse(value);
  return parsed.success ? parsed.data : { ...fallback };
}

export default async function ReachPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage('reach.read');
  const search = await searchParams;
  const page = await loadReachPage(actor, search, new Date());
  const { selection } = page;
  const periods = {
    before: periodFrom(search.before, CAMPAIGN_COMPARISON.before),
    during: periodFrom(search.during, CAMPAIGN_COMPARISON.during),
  };
  const [comparison, areaReach] = await Promise.all([
    compareOutcomes(periods),
    reachByArea(actor, selection.campaignId, periods),
  ]);
  // Comms officers refresh their own force's posts; leads any organisation's.
  const mayRefresh = actor.memberships.some((membership) =>
    can(actor, 'reach.refresh', { organisationId: membership.organisationId }),
  );
  const reportHref =
    selection.campaignId && can(actor, 'reach.report')
      ? `/api/v1/campaigns/${selection.campaignId}/report.pdf?from=${selection.range.from}&to=${selection.range.to}`
      : null;
  return (
    <>
      <PageHeader
        title="Reach"
        description="What the campaign's posts reached, per organisation, platform and message, beside the help-seeking figures the campaign exists to move."
        actions={
          <Group gap="sm">
            {mayRefresh ? (
              <RefreshButton
                campaignId={selection.campaignId}
                organisation={selection.organisation}
              />
            ) : null}
            <Anchor href={`/api/v1/reach/export.csv?${page.exportQuery}`} download size="sm">
              <Group gap={4} wrap="nowrap">
                <IconDownload size={16} aria-hidden />
                Export this breakdown (CSV)
              </Group>
            </Anchor>
            {reportHref && (
              <Anchor href={reportHref} download size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconFileTypePdf size={16} aria-hidden />
                  Campaign report (PDF)
                </Group>
              </Anchor>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <ReachFilters
          values={{
            campaign: selection.campaignId,
            period: selection.period,
            from: selection.range.from,
            to: selection.range.to,
            organisation: selection.organisation ?? null,
            platform: selection.platform ?? null,
            theme: selection.theme ?? null,
          }}
          campaigns={page.campaigns.map((campaign) => ({
            value: campaign.id,
            label: campaign.name,
          }))}
          organisations={page.organisations.map((organisation) => ({
            value: organisation.slug,
            label: organisation.name,
          }))}
          platforms={page.platforms}
          themes={page.themes}
          periodLabel={page.periodLabel}
        />
        {page.totals.posts === 0 && (
          <Alert
            variant="light"
            color="blue"
            icon={<IconInfoCircle aria-hidden />}
            title="Nothing published in this period yet"
          >
            Figures appear here about an hour after a post goes out, and are read again at 6 hours,
            a day, three days, a week and four weeks. Choose a longer period, or another campaign,
            to see earlier posts.
          </Alert>
        )}
        <ReachTiles
          totals={page.totals}
          previous={page.previous}
          previousLabel={page.previousLabel}
        />
        {page.campaignTotals && (
          <Paper withBorder p="md" data-testid="campaign-totals">
            <Text size="sm">
              <Text span fw={600}>
                The whole campaign, every organisation:
              </Text>{' '}
              {formatFigure(page.campaignTotals.posts)} posts,{' '}
              {formatFigure(page.campaignTotals.views)} views,{' '}
              {formatFigure(page.campaignTotals.engagements)} engagements and{' '}
              {formatFigure(page.campaignTotals.linkClicks)} link clicks in the period. Other
              organisations’ own figures are theirs to share.
            </Text>
          </Paper>
        )}
        <ReachBreakdown
          by={selection.by}
          rows={page.breakdown.rows}
          totals={page.breakdown.totals}
        />
        <ReachBest messages={page.bestMessages} hours={page.bestHours} />
        <OutcomesPanel
          comparison={comparison}
          mayImport={can(actor, 'outcome.manage')}
          reachByArea={areaReach}
        />
        <Text size="xs" c="dimmed">
          Link clicks are the platforms’ own totals. The helpline link goes straight to Stop it
          Now!: Signpost never routes it through itself and never records who clicked.
        </Text>
      </Stack>
    </>
  );
}
