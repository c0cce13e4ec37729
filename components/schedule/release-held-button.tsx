'use client';

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { bulkPostsAction } from '@/app/(app)/schedule/actions';
import type { HeldToRelease } from '@/lib/posts/held-posts';
import { formatLocal } from '@/lib/scheduling/london-time';
import { type BulkOutcome, BulkResultDialog } from './bulk-result';

/**
 * "Release all held (N)": after a pause, every held post released at once, spread out. Kept on the
 * page when nothing is held (it draws no button then), so its result outlives the refresh that
 * finds no held post left.
 */
export function ReleaseHeldButton({ held }: { held: HeldToRelease | null }) {
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const count = held?.ids.length ?? 0;
  const posts = `${count} held post${count === 1 ? '' : 's'}`;

  const release = () =>
    startTransition(async () => {
      setError(null);
      if (!held) return;
      const result = await bulkPostsAction({ action: 'release', ids: held.ids });
      if (!result.ok) return setError(result.error);
      setOpened(false);
      setOutcome({ verb: 'Released', results: result.value.results, labels: held.labels });
      router.refresh();
    });

  return (
    <>
      {held && (
        <>
          <Button
            variant="light"
            color="orange"
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={() => setOpened(true)}
          >
            {`Release all held (${held.total})`}
          </Button>
          <Modal opened={opened} onClose={() => setOpened(false)} title={`Release ${posts}?`}>
            <Stack>
              <Text size="sm">
                {held.total > count
                  ? `The first ${count} of ${held.total} held posts, oldest first. `
                  : ''}
                They go out spread over the coming minutes, a few per channel at a time, not all at
                once: from {formatLocal(new Date(held.first))} until about{' '}
                {formatLocal(new Date(held.last))}.
              </Text>
              <Text size="sm">
                A post that would be held again (a pause still on, a blackout, a channel that needs
                reconnecting) stays held, and the result says why.
              </Text>
              {error && (
                <Text c="red.8" size="sm" role="alert">
                  {error}
                </Text>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpened(false)}>
                  Go back
                </Button>
                <Button onClick={release} loading={pending}>
                  {`Release ${posts}`}
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      )}
      <BulkResultDialog outcome={outcome} onClose={() => setOutcome(null)} />
    </>
  );
}
