'use client';

import { BarChart, LineChart } from '@mantine/charts';
import {
  Box,
  Group,
  Paper,
  Table,
  TableTbody,
  TableTd,
  TableTfoot,
  TableTh,
  TableThead,
  TableTr,
  Tabs,
  TabsList,
  TabsTab,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import type { Platform } from '@/lib/platforms/types';
import type { GroupBy, ReachRow, ReachTotals } from '@/lib/reach/reach-query';
import { platformList } from '@/lib/reach/reach-format';

const GROUP_LABELS: Record<GroupBy, string> = {
  organisation: 'Organisation',
  platform: 'Platform',
  message: 'Message',
  theme: 'Theme',
  week: 'Week',
};

type Column =
  'label' | 'posts' | 'views' | 'engagements' | 'reactions' | 'comments' | 'shares' | 'linkClicks';

const COLUMNS: { key: Exclude<Column, 'label'>; label: string }[] = [
  { key: 'posts', label: 'Posts' },
  { key: 'views', label: 'Views' },
  { key: 'engagements', label: 'Engagements' },
  { key: 'reactions', label: 'Reactions' },
  { key: 'comments', label: 'Comments' },
  { key: 'shares', label: 'Shares' },
  { key: 'linkClicks', label: 'Link clicks' },
];

const whole = new Intl.NumberFormat('en-GB');

function NotReported({ by, row }: { by: GroupBy; row: ReachRow }) {
  const who = by === 'platform' ? row.label : 'the platforms of these posts';
  return (
    <Text span c="dimmed" title={`Not reported by ${who}`}>
      —<VisuallyHidden>not reported by {who}</VisuallyHidden>
    </Text>
  );
}

/** One breakdown: a chart of views and engagements, and the sortable table of every figure. */
export function ReachBreakdown({
  by,
  rows,
  totals,
}: {
  by: GroupBy;
  rows: ReachRow[];
  totals: ReachTotals;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [sort, setSort] = useState<{ column: Column; descending: boolean } | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const value = (row: ReachRow) => (sort.column === 'label' ? row.label : row[sort.column]);
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      // "Not reported" sorts below every figure, whichever the direction.
      if (x === null) return y === null ? 0 : 1;
      if (y === null) return -1;
      const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
      return sort.descending ? -order : order;
    });
  }, [rows, sort]);

  const choose = (value: string | null) => {
    if (!value) return;
    const params = new URLSearchParams(search);
    params.set('by', value);
    setSort(null);
    startTransition(() => router.push(`${pathname}?${params.toString()}`, { scroll: false }));
  };
  const chartData = rows.map((row) => ({
    label: row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label,
    Views: row.views ?? 0,
    Engagements: row.engagements ?? 0,
  }));
  const hasViews = totals.views !== null;
  const series = [
    ...(hasViews ? [{ name: 'Views', color: 'blue.7' }] : []),
    { name: 'Engagements', color: 'teal.7' },
  ];
  const summary = rows
    .slice(0, 5)
    .map(
      (row) =>
        `${row.label}: ${row.views === null ? 'views not reported' : `${whole.format(row.views)} views`}`,
    )
    .join('; ');

  const header = (column: Column, label: string) => {
    const active = sort?.column === column;
    const direction = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
    const Icon = !active
      ? IconArrowsSort
      : sort.descending
        ? IconSortDescending
        : IconSortAscending;
    return (
      <TableTh key={column} aria-sort={direction} ta={column === 'label' ? 'left' : 'right'}>
        <UnstyledButton
          onClick={() =>
            setSort({ column, descending: active ? !sort.descending : column !== 'label' })
          }
          fw={600}
          fz="sm"
        >
          <Group gap={4} wrap="nowrap" justify={column === 'label' ? 'flex-start' : 'flex-end'}>
            {label}
            <Icon size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </TableTh>
    );
  };

  return (
    <Paper withBorder p="lg" data-testid="reach-breakdown">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          Breakdown
        </Title>
        <Tabs value={by} onChange={choose} variant="pills" aria-busy={pending}>
          <TabsList aria-label="Break reach down by" style={{ flexWrap: 'wrap' }}>
            {(Object.keys(GROUP_LABELS) as GroupBy[]).map((key) => (
              <TabsTab key={key} value={key}>
                {GROUP_LABELS[key]}
              </TabsTab>
            ))}
          </TabsList>
        </Tabs>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm" py="xl" ta="center">
          Nothing was published with these filters in this period.
        </Text>
      ) : (
        <>
          <Box
            role="img"
            aria-label={`Chart of views and engagements by ${GROUP_LABELS[by].toLowerCase()}. ${summary}. Every figure is in the table below.`}
          >
            {by === 'week' ? (
              <LineChart
                h={260}
                data={chartData}
                dataKey="label"
                series={series}
                curveType="monotone"
                withLegend
                valueFormatter={(value) => whole.format(value)}
              />
            ) : (
              <BarChart
                h={Math.max(220, Math.min(rows.length, 12) * 34)}
                data={chartData.slice(0, 12)}
                dataKey="label"
                series={series}
                // Long names (organisations, messages) read best as bars across, beside their names.
                {...(by === 'organisation' || by === 'message'
                  ? { orientation: 'vertical' as const, yAxisProps: { width: 190 } }
                  : {})}
                withLegend
                valueFormatter={(value) => whole.format(value)}
              />
            )}
          </Box>
          {!hasViews && (
            <Text size="xs" c="dimmed" mt="xs">
              No views are shown:{' '}
              {rows.length === 1 && by === 'platform' ? rows[0]!.label : 'these platforms'} do not
              report them.
            </Text>
          )}
          <Table.ScrollContainer minWidth={720} mt="md">
            <Table striped highlightOnHover verticalSpacing={6}>
              <caption>
                <VisuallyHidden>
                  Reach by {GROUP_LABELS[by].toLowerCase()}. Select a column heading to sort.
                </VisuallyHidden>
              </caption>
              <TableThead>
                <TableTr>
                  {header('label', GROUP_LABELS[by])}
                  {COLUMNS.map((column) => header(column.key, column.label))}
                </TableTr>
              </TableThead>
              <TableTbody>
                {sorted.map((row) => (
                  <TableTr key={row.key}>
                    <TableTd>{row.label}</TableTd>
                    {COLUMNS.map((column) => (
                      <TableTd key={column.key} ta="right" ff="monospace">
                        {row[column.key] === null ? (
                          <NotReported by={by} row={row} />
                        ) : (
                          whole.format(row[column.key] as number)
                        )}
                      </TableTd>
                    ))}
                  </TableTr>
                ))}
              </TableTbody>
              <TableTfoot>
                <TableTr>
                  <TableTh>All</TableTh>
                  {COLUMNS.map((column) => (
                    <TableTh key={column.key} ta="right" ff="monospace">
                      {totals[column.key] === null
                        ? '—'
                        : whole.format(totals[column.key] as number)}
                    </TableTh>
                  ))}
                </TableTr>
              </TableTfoot>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt="xs">
            — means the platform does not report that figure; it is never counted as zero. Views
            come from{' '}
            {platformList(totals.covers.views as Platform[]) || 'no platform in this view'}; each
            counts them its own way.
          </Text>
        </>
      )}
    </Paper>
  );
}
