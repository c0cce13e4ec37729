'use client';

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { reschedulePostAction } from '@/app/(app)/schedule/actions';
import type { PostView } from '@/lib/posts/post-view';
import { toLocalParts } from '@/lib/scheduling/london-time';
import { type UkTime, UkTimeField, ukTimeProblem } from './uk-time-field';

export function RescheduleDialog({
  post,
  onClose,
  onRescheduled,
}: {
  post: PostView | null;
  onClose: () => void;
  /** Told instead of the plain toast and refresh (the calendar offers Undo and reloads itself). */
  onRescheduled?: (post: PostView, to: UkTime) => void;
}) {
  return (
    <Modal opened={post !== null} onClose={onClose} title="Reschedule post">
      {/* Keyed by post: the form starts from that post's time. */}
      {post && (
        <RescheduleForm key={post.id} post={post} onClose={onClose} onRescheduled={onRescheduled} />
      )}
    </Modal>
  );
}

function RescheduleForm({
  post,
  onClose,
  onRescheduled,
}: {
  post: PostView;
  onClose: () => void;
  onRescheduled?: (post: PostView, to: UkTime) => void;
}) {
  const router = useRouter();
  const [value, setValue] = useState<UkTime>(() => {
    const parts = toLocalParts(new Date(post.scheduledAt));
    return { date: parts.date, time: parts.time, choice: parts.choice };
  });
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const ready = ukTimeProblem(value).kind === 'ok';
  const submit = () =>
    startTransition(async () => {
      if (!value.date) return;
      const result = await reschedulePostAction(post.id, {
        date: value.date,
        time: value.time,
        choice: value.choice,
      });
      if (!result.ok) return setError(result.error);
      onClose();
      if (onRescheduled) return onRescheduled(post, value);
      notifications.show({ color: 'green', message: result.message });
      router.refresh();
    });

  return (
    <Stack>
      <Text size="sm">
        {post.messageTitle} on {post.channel.handle} ({post.organisation.name})
      </Text>
      <UkTimeField label="New time" value={value} onChange={setValue} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Keep the current time
        </Button>
        <Button onClick={submit} loading={pending} disabled={!ready}>
          Reschedule
        </Button>
      </Group>
    </Stack>
  );
}
