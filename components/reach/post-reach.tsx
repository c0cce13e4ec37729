'use client';

import { LineChart } from '@mantine/charts';
import { Alert, Box, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '@/components/format';
import type { PostMetricsView } from '@/lib/reach/post-metrics';
import { formatFigure } from '@/lib/reach/reach-format';

const whole = new Intl.NumberFormat('en-GB');
const short = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

const FIGURES = [
  { key: 'views', label: 'Views' },
  { key: 'engagements', label: 'Engagements' },
  { key: 'reactions', label: 'Reactions' },
  { key: 'comments', label: 'Comments' },
  { key: 'shares', label: 'Shares' },
  { key: 'linkClicks', label: 'Link clicks' },
] as const;

/** A published post's figures: the latest, and each snapshot as a small chart of growth. */
export function PostReach({ postId }: { postId: string }) {
  const [metrics, setMetrics] = useState<PostMetricsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/v1/posts/${postId}/metrics`)
      .then(async (response) => {
        const body: unknown = await response.json();
        if (cancelled) return;
        if (response.ok) setMetrics(body as PostMetricsView);
        else setError('The figures could not be loaded.');
      })
      .catch(() => {
        if (!cancelled) setError('The figures could not be loaded. Check your connection.');
      });
    return () => {
      cancelled = true;
    };
  }, [postId]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!metrics) return <Loader size="sm" aria-label="Loading the figures" />;
  const { latest, snapshots } = metrics;
  if (!latest)
    return (
      <Text size="sm" c="dimmed">
        No figures yet: the platform is first asked about an hour after publishing.
      </Text>
    );
  const hasViews = latest.views !== null;
  return (
    <Stack gap="xs" data-testid="post-reach">
      {metrics.removed && (
        <Alert color="gray" title="Removed on the platform">
          The platform says this post no longer exists. Its last figures are kept.
        </Alert>
      )}
      <Group gap="lg">
        {FIGURES.map((figure) => (
          <div key={figure.key}>
            <Text size="xs" c="dimmed">
              {figure.label}
            </Text>
            <Text fw={700}>{formatFigure(latest[figure.key])}</Text>
          </div>
        ))}
      </Group>
      {snapshots.length > 1 && (
        <Box
          role="img"
          aria-label={`Growth over ${snapshots.length} readings, from ${formatDateTime(snapshots[0]!.collectedAt)} to ${formatDateTime(latest.collectedAt)}`}
        >
          <LineChart
            h={160}
            data={snapshots.map((snapshot) => ({
              at: short.format(new Date(snapshot.collectedAt)),
              Views: snapshot.views ?? 0,
              Engagements: snapshot.engagements ?? 0,
            }))}
            dataKey="at"
            series={[
              ...(hasViews ? [{ name: 'Views', color: 'blue.7' }] : []),
              { name: 'Engagements', color: 'teal.7' },
            ]}
            withLegend
            valueFormatter={(value) => whole.format(value)}
          />
        </Box>
      )}
      <Text size="xs" c="dimmed">
        Last read {formatDateTime(latest.collectedAt)}. “Not reported” means this platform does not
        give that figure.
      </Text>
    </Stack>
  );
}
