import { Alert, Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { AmplificationChart } from '@/components/amplification/amplification-chart';
import { AmplificationFilters } from '@/components/amplification/amplification-filters';
import { AmplificationTable } from '@/components/amplification/amplification-table';
import { NotSharedList } from '@/components/amplification/not-shared-list';
import { PageHeader } from '@/components/shell/page-header';
import { loadAmplificationPage } from '@/lib/amplification/amplification-page';
import { SHARE_PATH_LABELS, SHARE_PATHS } from '@/lib/amplification/amplification-schemas';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { formatFigure } from '@/lib/reach/reach-format';

export const metadata: Metadata = { title: 'Amplification' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AmplificationPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePage('amplification.read');
  const { view, campaigns, weeks } = await loadAmplificationPage(
    actor,
    await searchParams,
    new Date(),
  );
  const tiles = [
    {
      label: 'Partners sharing',
      value: `${formatFigure(view.totals.shared)} of ${formatFigure(view.totals.pairs)}`,
      explain: 'Partner and message pairs shared by any path',
    },
    ...SHARE_PATHS.map((path) => ({
      label: SHARE_PATH_LABELS[path],
      value: formatFigure(view.totals.byPath[path]),
      explain: 'Partner and message pairs',
    })),
  ];
  return (
    <>
      <PageHeader
        title="Amplification"
        description="Which partners carried the week’s messages to their own followers, by which path, and what it reached; and a reminder for those who have not yet."
        actions={
          <Anchor href="/reach" size="sm">
            All reach figures
          </Anchor>
        }
      />
      <Stack gap="lg">
        <AmplificationFilters
          campaign={view.campaign?.id ?? null}
          week={view.week.monday}
          campaigns={campaigns}
          weeks={weeks}
        />
        {view.messages.length === 0 ? (
          <Alert
            variant="light"
            color="blue"
            icon={<IconInfoCircle aria-hidden />}
            title="No shareable messages yet"
          >
            Partners see a campaign’s approved, shareable messages. None was approved by the end of
            this week.
          </Alert>
        ) : (
          <Text size="sm" data-testid="week-messages">
            <Text span fw={600}>
              {view.week.label}:
            </Text>{' '}
            {view.messages.map((message) => `“${message.title}”`).join(', ')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="amplification-tiles">
          {tiles.map((tile) => (
            <Paper withBorder p="md" key={tile.label}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {tile.label}
              </Text>
              <Text component="div" fz={28} fw={700} lh={1.2}>
                {tile.value}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {tile.explain}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        <AmplificationChart messages={view.messages} />
        <NotSharedList rows={view.rows} mayRemind={can(actor, 'amplification.remind')} />
        <AmplificationTable rows={view.rows} />
        <Text size="xs" c="dimmed" data-testid="amplification-reach">
          {view.totals.views === null && view.totals.engagements === null
            ? 'No figures have been read from the partners’ channels or links for these messages yet.'
            : `Reach through the partners’ connected channels and readable links: ${formatFigure(view.totals.views)} views and ${formatFigure(view.totals.engagements)} engagements.`}{' '}
          {view.totals.linkViews === null && view.totals.linkEngagements === null
            ? 'Shares made without connecting are counted; their figures are read only from public Bluesky and Mastodon links, and none has been read yet.'
            : `Of that, read from public links shared without connecting: ${formatFigure(view.totals.linkViews)} views and ${formatFigure(view.totals.linkEngagements)} engagements (other links are counted, not measured).`}
        </Text>
      </Stack>
    </>
  );
}
