'use client';

// The live plan: who posts when, on what. Shown before anything is sent so a lead can see the
// stagger and spot an organisation that would post nothing.
import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { platformLabel } from '@/components/platform-badge';
import { describeCount, type SchedulePlan } from '@/lib/posts/schedule-plan';
import { formatLocal } from '@/lib/scheduling/london-time';

/** "Wed 2 Dec 2026" and "09:10 GMT" from formatLocal, so each row can drop the day it shares. */
function dayAndTime(at: Date): [string, string] {
  const [day = '', time = ''] = formatLocal(at).split(', ');
  return [day, time];
}

export function SchedulePlanPreview({ plan }: { plan: SchedulePlan }) {
  const titleId = useId();
  const first = plan.rows[0]?.at;
  const firstDay = first ? dayAndTime(first)[0] : null;
  return (
    <Paper withBorder p="sm" bg="gray.0" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text id={titleId} fw={650} size="sm">
            Plan{firstDay ? ` · ${firstDay}` : ''}
          </Text>
          {plan.posts > 0 && (
            <Text size="sm" fw={600} aria-live="polite">
              {describeCount(plan)}
            </Text>
          )}
        </Group>
        {plan.rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing chosen yet.
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Organisation</Table.Th>
                <Table.Th w={150}>Time (UK)</Table.Th>
                <Table.Th>Platforms</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.rows.map((row) => {
                const [day, time] = row.at ? dayAndTime(row.at) : [null, null];
                return (
                  <Table.Tr key={row.organisation.id}>
                    <Table.Td>{row.organisation.name}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {time === null ? (
                        <Text span c="dimmed" size="sm">
                          Choose a time
                        </Text>
                      ) : (
                        <>
                          {time}
                          {/* A long stagger can run past midnight: say so where it does. */}
                          {day !== firstDay && (
                            <Text span c="dimmed" size="xs">
                              {' '}
                              {day}
                            </Text>
                          )}
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>{row.platforms.map(platformLabel).join(', ')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {plan.leftOut.length > 0 && (
          <Text size="xs" c="dimmed">
            {plan.leftOut.map((o) => o.name).join(', ')}{' '}
            {plan.leftOut.length === 1 ? 'has' : 'have'} no channel on the chosen platforms and will
            post nothing.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
