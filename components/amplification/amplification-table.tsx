'use client';

import {
  Anchor,
  Badge,
  Group,
  Paper,
  Stack,
  Table,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import {
  SHARE_PATH_LABELS,
  type AmplificationRow,
} from '@/lib/amplification/amplification-schemas';
import { rulesFor } from '@/lib/platforms/rules';
import { formatFigure } from '@/lib/reach/reach-format';

type Column = 'partner' | 'message' | 'shared' | 'views' | 'engagements';

const COLUMNS: { key: Column; label: string; numeric: boolean }[] = [
  { key: 'partner', label: 'Partner', numeric: false },
  { key: 'message', label: 'Message', numeric: false },
  { key: 'shared', label: 'Shared', numeric: false },
  { key: 'views', label: 'Views', numeric: true },
  { key: 'engagements', label: 'Engagements', numeric: true },
];

const whole = new Intl.NumberFormat('en-GB');
const STATUS_WORDS: Record<string, string> = {
  scheduled: 'scheduled',
  publishing: 'publishing',
  published: 'published',
  unconfirmed: 'sent, not yet confirmed',
};

function valueOf(row: AmplificationRow, column: Column): string | number | null {
  switch (column) {
    case 'partner':
      return row.organisation.name;
    case 'message':
      return row.message.title;
    case 'shared':
      return row.paths.length;
    default:
      return row[column];
  }
}

function HowShared({ row }: { row: AmplificationRow }) {
  if (!row.shared)
    return (
      <Text span size="sm" c="dimmed">
        Not yet
      </Text>
    );
  return (
    <Stack gap={4}>
      {row.paths.includes('channel') && (
        <Text size="sm">
          {SHARE_PATH_LABELS.channel}:{' '}
          {row.posts
            .map(
              (post) =>
                `${rulesFor(post.platform).label} (${STATUS_WORDS[post.status] ?? post.status})`,
            )
            .join(', ')}
        </Text>
      )}
      {row.paths.includes('pack') && (
        <Text size="sm">
          {SHARE_PATH_LABELS.pack}
          {row.packDownloads > 1 ? ` (${row.packDownloads} times)` : ''}
        </Text>
      )}
      {row.paths.includes('link') && (
        <Text size="sm" component="div">
          {SHARE_PATH_LABELS.link}:{' '}
          {row.links.map((link, index) => (
            <span key={index}>
              {index > 0 ? ', ' : ''}
              {link.url ? (
                <Anchor href={link.url} target="_blank" rel="noopener noreferrer" size="sm">
                  {rulesFor(link.platform).label}
                  <VisuallyHidden> (opens the partner’s post)</VisuallyHidden>
                </Anchor>
              ) : (
                rulesFor(link.platform).label
              )}
              {link.unreadable
                ? ` (cannot be read: ${link.unreadable})`
                : link.engagements !== null
                  ? ` (${formatFigure(link.engagements)} engagements)`
                  : ''}
            </span>
          ))}
        </Text>
      )}
    </Stack>
  );
}

/** Every partner against every message of the week, sortable by any column. */
export function AmplificationTable({ rows }: { rows: AmplificationRow[] }) {
  const [sort, setSort] = useState<{ column: Column; descending: boolean } | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    return [...rows].sort((a, b) => {
      const [x, y] = [valueOf(a, sort.column), valueOf(b, sort.column)];
      // A figure not read yet sorts below every figure, whichever the direction.
      if (x === null) return y === null ? 0 : 1;
      if (y === null) return -1;
      const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
      return sort.descending ? -order : order;
    });
  }, [rows, sort]);

  const header = ({ key, label, numeric }: (typeof COLUMNS)[number]) => {
    const active = sort?.column === key;
    const direction = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
    const Icon = !active
      ? IconArrowsSort
      : sort.descending
        ? IconSortDescending
        : IconSortAscending;
    return (
      <TableTh key={key} aria-sort={direction} ta={numeric ? 'right' : 'left'}>
        <UnstyledButton
          onClick={() => setSort({ column: key, descending: active ? !sort.descending : numeric })}
          fw={600}
          fz="sm"
        >
          <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
            {label}
            <Icon size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </TableTh>
    );
  };

  return (
    <Paper withBorder p="lg" data-testid="amplification-table">
      <Title order={2} size="h4" mb="sm">
        Every partner, every message
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm" py="lg" ta="center">
          There are no partners or no shareable messages for this week.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing={6}>
            <caption>
              <VisuallyHidden>
                Who shared the week’s messages, how, and what it reached. Select a column heading to
                sort.
              </VisuallyHidden>
            </caption>
            <TableThead>
              <TableTr>{COLUMNS.map(header)}</TableTr>
            </TableThead>
            <TableTbody>
              {sorted.map((row) => (
                <TableTr
                  key={`${row.organisation.slug}:${row.message.id}`}
                  data-testid="amplification-row"
                  data-partner={row.organisation.slug}
                  data-message={row.message.id}
                  data-shared={row.shared}
                >
                  <TableTd>{row.organisation.name}</TableTd>
                  <TableTd>{row.message.title}</TableTd>
                  <TableTd>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Badge
                        variant="light"
                        color={row.shared ? 'green' : 'gray'}
                        style={{ flexShrink: 0 }}
                      >
                        {row.shared ? 'Shared' : 'Not shared'}
                      </Badge>
                      {row.shared && <HowShared row={row} />}
                    </Group>
                  </TableTd>
                  {(['views', 'engagements'] as const).map((column) => (
                    <TableTd key={column} ta="right" ff="monospace">
                      {row[column] === null ? (
                        <Text span c="dimmed" title="No figures read yet">
                          —<VisuallyHidden>no figures read yet</VisuallyHidden>
                        </Text>
                      ) : (
                        whole.format(row[column])
                      )}
                    </TableTd>
                  ))}
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        Views and engagements are the latest figures of the partners’ posts on their connected
        channels; — means none has been read yet. A share pack download counts as shared: what the
        partner then posts is on its own accounts.
      </Text>
    </Paper>
  );
}
