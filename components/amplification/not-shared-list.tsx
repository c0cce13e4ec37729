import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AmplificationRow } from '@/lib/amplification/amplification-schemas';
import { RemindButton } from './remind-button';

/** Partners who have not shared a message of the week yet, each with its reminder. */
export function NotSharedList({
  rows,
  mayRemind,
}: {
  rows: AmplificationRow[];
  mayRemind: boolean;
}) {
  const waiting = rows.filter((row) => !row.shared);
  return (
    <Paper withBorder p="lg" data-testid="not-shared">
      <Title order={2} size="h4" mb={4}>
        Not shared yet
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A reminder is a notification and an email to the partner’s people, once a day per message at
        most.
      </Text>
      {waiting.length === 0 ? (
        <Text size="sm">Every partner has shared this week’s messages.</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {waiting.map((row) => (
            <Group
              component="li"
              key={`${row.organisation.slug}:${row.message.id}`}
              justify="space-between"
              wrap="wrap"
              gap="xs"
              data-testid="not-shared-row"
              data-partner={row.organisation.slug}
              data-message={row.message.id}
            >
              <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
                <Text size="sm" fw={600} component="div">
                  {row.organisation.name}
                </Text>
                <Text size="sm" component="div">
                  {row.message.title}
                </Text>
                {row.remind.reason && (
                  <Text size="xs" c="dimmed" component="div">
                    {row.remind.reason}
                  </Text>
                )}
              </div>
              {mayRemind && row.remind.allowed && (
                <RemindButton
                  organisation={row.organisation.slug}
                  organisationName={row.organisation.name}
                  messageId={row.message.id}
                  messageTitle={row.message.title}
                />
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
