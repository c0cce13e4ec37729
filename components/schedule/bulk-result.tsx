'use client';

import { Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import type { BulkPostResult } from '@/lib/posts/bulk-posts';
import { formatLocal } from '@/lib/scheduling/london-time';

export interface BulkOutcome {
  /** "Moved", "Cancelled", … */
  verb: string;
  results: BulkPostResult[];
  /** "“Help is available” on @LancsPolice (Lancashire Constabulary)", by post id. */
  labels: Record<string, string>;
}

/** What a bulk action did, post by post: those done (and when they go out), then those refused. */
export function BulkResultDialog({
  outcome,
  onClose,
}: {
  outcome: BulkOutcome | null;
  onClose: () => void;
}) {
  const describe = (id: string) => outcome?.labels[id] ?? 'A post';
  const done = outcome?.results.filter((result) => result.ok) ?? [];
  const refused = outcome?.results.filter((result) => !result.ok) ?? [];
  return (
    <Modal
      opened={outcome !== null}
      onClose={onClose}
      title={outcome ? `${outcome.verb}: ${done.length} of ${outcome.results.length}` : ''}
      size="lg"
    >
      {outcome && (
        <Stack>
          {done.length > 0 && (
            <section aria-labelledby="bulk-done">
              <Title order={3} size="h5" id="bulk-done">
                Done ({done.length})
              </Title>
              <List size="sm" spacing={4} mt="xs" data-testid="bulk-done">
                {done.map((result) => {
                  const at = result.scheduledAt ?? result.goesOutAt;
                  return (
                    <List.Item key={result.id}>
                      {describe(result.id)}
                      {at ? ` — goes out ${formatLocal(new Date(at))}` : ''}
                    </List.Item>
                  );
                })}
              </List>
            </section>
          )}
          {refused.length > 0 && (
            <section aria-labelledby="bulk-refused">
              <Title order={3} size="h5" id="bulk-refused" c="red.8">
                Not done ({refused.length})
              </Title>
              <List size="sm" spacing={4} mt="xs" data-testid="bulk-refused">
                {refused.map((result) => (
                  <List.Item key={result.id}>
                    {describe(result.id)}: {result.error?.message}
                  </List.Item>
                ))}
              </List>
            </section>
          )}
          {outcome.results.length === 0 && <Text size="sm">Nothing was sent.</Text>}
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
