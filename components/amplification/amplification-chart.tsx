'use client';

import { BarChart } from '@mantine/charts';
import { Box, Paper, Title } from '@mantine/core';

/** Partners who shared each message of the week, and those who have not yet. */
export function AmplificationChart({
  messages,
}: {
  messages: { id: string; title: string; partners: number; shared: number }[];
}) {
  if (messages.length === 0) return null;
  const data = messages.map((message) => ({
    label: message.title.length > 28 ? `${message.title.slice(0, 27)}…` : message.title,
    Shared: message.shared,
    'Not yet': message.partners - message.shared,
  }));
  const summary = messages
    .map((message) => `${message.title}: ${message.shared} of ${message.partners} partners shared`)
    .join('; ');
  return (
    <Paper withBorder p="lg" data-testid="amplification-chart">
      <Title order={2} size="h4" mb="sm">
        Partners sharing each message
      </Title>
      <Box role="img" aria-label={`Chart of partners sharing each message. ${summary}.`}>
        <BarChart
          h={Math.max(140, messages.length * 48)}
          data={data}
          dataKey="label"
          type="stacked"
          orientation="vertical"
          yAxisProps={{ width: 170 }}
          series={[
            { name: 'Shared', color: 'teal.7' },
            { name: 'Not yet', color: 'gray.5' },
          ]}
          withLegend
          xAxisProps={{ allowDecimals: false }}
        />
      </Box>
    </Paper>
  );
}
