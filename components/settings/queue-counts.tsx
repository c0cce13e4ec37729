import {
  Anchor,
  Group,
  Paper,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { Health } from '@/lib/health/check-health';

const QUEUE_LABELS: Record<string, string> = {
  publish: 'Publishing',
  maintenance: 'Housekeeping',
  metrics: 'Reach figures',
  notify: 'Email',
  webhooks: 'Webhooks',
};

/** How many jobs wait, are delayed, run and failed on each queue; null when Redis does not answer. */
export function QueueCounts({
  queues,
  dashboardHref,
  readOnly,
}: {
  queues: Health['queues'] | null;
  dashboardHref: string;
  readOnly: boolean;
}) {
  const rows = Object.entries(queues ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Paper withBorder p="lg" id="queues">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="md">
        <div>
          <Title order={2} size="h4" mb={4}>
            Queues
          </Title>
          <Text size="sm" c="gray.7">
            The jobs the workers have to do. Delayed jobs are posts and retries waiting for their
            time; failed jobs are kept for a week.
          </Text>
        </div>
        {/* A plain link: the dashboard is its own page, not one of the app's. */}
        <Anchor href={dashboardHref} size="sm" fw={600}>
          {readOnly ? 'Open the queue dashboard (read only)' : 'Open the queue dashboard'}
        </Anchor>
      </Group>
      {queues === null ? (
        <Text size="sm" c="red.8">
          Redis does not answer, so the queues cannot be counted.
        </Text>
      ) : (
        <TableScrollContainer minWidth={480}>
          <Table verticalSpacing="xs">
            <caption>
              <VisuallyHidden>Jobs on each queue by state</VisuallyHidden>
            </caption>
            <TableThead>
              <TableTr>
                <TableTh>Queue</TableTh>
                <TableTh ta="right">Waiting</TableTh>
                <TableTh ta="right">Delayed</TableTh>
                <TableTh ta="right">Running</TableTh>
                <TableTh ta="right">Failed</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {rows.map(([name, counts]) => (
                <TableTr key={name}>
                  <TableTd>{QUEUE_LABELS[name] ?? name}</TableTd>
                  <TableTd ta="right">{counts.waiting}</TableTd>
                  <TableTd ta="right">{counts.delayed}</TableTd>
                  <TableTd ta="right">{counts.active}</TableTd>
                  <TableTd ta="right" c={counts.failed > 0 ? 'red.8' : undefined}>
                    {counts.failed}
                  </TableTd>
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        </TableScrollContainer>
      )}
    </Paper>
  );
}
