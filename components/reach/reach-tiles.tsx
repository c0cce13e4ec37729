import { Group, Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import type { Platform } from '@/lib/platforms/types';
import type { TotalName } from '@/lib/reach/figures';
import { changeOf, describeChange, formatFigure, platformList } from '@/lib/reach/reach-format';
import type { ReachTotals } from '@/lib/reach/reach-query';

type TileName = 'posts' | Extract<TotalName, 'views' | 'engagements' | 'linkClicks'>;

const TILES: { name: TileName; label: string; explain: string }[] = [
  { name: 'posts', label: 'Posts published', explain: 'Posts that went out in the period' },
  {
    name: 'views',
    label: 'Views',
    explain: 'How often the posts were seen, as each platform counts it',
  },
  { name: 'engagements', label: 'Engagements', explain: 'Reactions, comments and shares' },
  {
    name: 'linkClicks',
    label: 'Link clicks',
    explain: 'Clicks on the helpline link, from the platforms’ own totals',
  },
];

function covers(totals: ReachTotals, name: TileName): Platform[] | null {
  return name === 'posts' ? null : totals.covers[name];
}

/** The headline figures, each with its change against the previous period of the same length. */
export function ReachTiles({
  totals,
  previous,
  previousLabel,
}: {
  totals: ReachTotals;
  previous: ReachTotals;
  previousLabel: string;
}) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="reach-tiles">
      {TILES.map((tile) => {
        const value = totals[tile.name];
        const change = changeOf(value, previous[tile.name]);
        const platforms = covers(totals, tile.name);
        return (
          <Paper withBorder p="md" key={tile.name}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {tile.label}
            </Text>
            {/* A figure, not a heading: a div, so it is not read as one (axe p-as-heading). */}
            <Text component="div" fz={28} fw={700} lh={1.2}>
              {formatFigure(value)}
            </Text>
            {change.kind === 'none' ? (
              <Text size="xs" c="dimmed" mt={4}>
                {tile.explain}
              </Text>
            ) : (
              <Group gap={4} mt={4} wrap="nowrap" align="flex-start">
                {change.kind === 'change' &&
                  (change.fraction >= 0 ? (
                    <IconArrowUpRight size={16} color="var(--mantine-color-teal-8)" aria-hidden />
                  ) : (
                    <IconArrowDownRight
                      size={16}
                      color="var(--mantine-color-orange-9)"
                      aria-hidden
                    />
                  ))}
                <Text size="xs">
                  <Text
                    span
                    fw={700}
                    c={change.kind === 'change' && change.fraction < 0 ? 'orange.9' : 'teal.9'}
                    inherit
                  >
                    {describeChange(change)}
                  </Text>{' '}
                  <Text span c="dimmed" inherit>
                    against {previousLabel}
                  </Text>
                </Text>
              </Group>
            )}
            {platforms && platforms.length > 0 && (
              <Tooltip
                label={`Counted on ${platformList(platforms)}; the other platforms do not report it`}
                multiline
                w={260}
              >
                <Text size="xs" c="dimmed" mt={6} tabIndex={0}>
                  From {platformList(platforms)}
                </Text>
              </Tooltip>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
