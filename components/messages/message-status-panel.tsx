'use client';

// Where a message stands and what the viewer can do about it: approve or send back (a campaign
// lead who did not write it), wait (its author), make a new version or schedule it (approved).
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconHourglass } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTransition, type ReactNode } from 'react';
import { newVersionAction } from '@/app/(app)/messages/actions';
import { formatDateTime } from '@/components/format';
import type { MessageView } from '@/lib/messages/message-schemas';
import { ReviewControls } from './review-controls';

export interface MessageStatusPanelProps {
  message: Pick<
    MessageView,
    'id' | 'title' | 'status' | 'author' | 'approver' | 'submittedAt' | 'approvedAt'
  >;
  /** A campaign lead who is not the author. */
  mayReview: boolean;
  isAuthor: boolean;
  mayCopy: boolean;
  /** The schedule dialog (its own button), for an approved message the viewer may schedule. */
  schedule?: ReactNode;
}

function NewVersionButton({ messageId }: { messageId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const copy = () =>
    startTransition(async () => {
      const result = await newVersionAction(messageId);
      if (!result.ok) {
        notifications.show({ color: 'red', title: 'No new version made', message: result.error });
        return;
      }
      notifications.show({ color: 'green', message: result.message });
      router.push(`/messages/${result.value.id}`);
    });
  return (
    <Button
      variant="default"
      leftSection={<IconCopy size={16} aria-hidden />}
      onClick={copy}
      loading={pending}
    >
      New version
    </Button>
  );
}

export function MessageStatusPanel({
  message,
  mayReview,
  isAuthor,
  mayCopy,
  schedule,
}: MessageStatusPanelProps) {
  if (message.status === 'in_review') {
    const since = message.submittedAt ? ` since ${formatDateTime(message.submittedAt)}` : '';
    return (
      <Paper withBorder p="lg" bg="yellow.0" data-testid="review-panel">
        <Stack gap="sm">
          <Group gap="xs" wrap="nowrap">
            <IconHourglass size={18} aria-hidden />
            <Text fw={600} size="sm" data-testid="review-state">
              {isAuthor
                ? 'Waiting for another campaign lead to approve'
                : mayReview
                  ? 'Waiting for your review'
                  : 'Waiting for a campaign lead to approve'}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            Submitted by {message.author.name}
            {since}. Nobody can edit it while it is in review.
          </Text>
          {mayReview && <ReviewControls messageId={message.id} title={message.title} />}
        </Stack>
      </Paper>
    );
  }
  if (message.status === 'approved') {
    return (
      <Paper withBorder p="lg" bg="green.0" data-testid="review-panel">
        <Stack gap="sm">
          <Text fw={600} size="sm" data-testid="review-state">
            Approved{message.approver ? ` by ${message.approver.name}` : ''}
            {message.approvedAt ? ` on ${formatDateTime(message.approvedAt)}` : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {mayCopy
              ? 'An approved message never changes. To change its words, make a new version: it starts as your draft and is reviewed again.'
              : 'An approved message never changes, so what was approved is what goes out.'}
          </Text>
          {(schedule || mayCopy) && (
            <Group gap="sm">
              {schedule}
              {mayCopy && <NewVersionButton messageId={message.id} />}
            </Group>
          )}
        </Stack>
      </Paper>
    );
  }
  if (message.status === 'draft' && !isAuthor) {
    return (
      <Paper withBorder p="lg" data-testid="review-panel">
        <Text size="sm">
          A draft by {message.author.name}. Only they can edit or submit it; leave a comment to
          suggest a change.
        </Text>
      </Paper>
    );
  }
  if (message.status === 'archived') {
    return (
      <Paper withBorder p="lg" data-testid="review-panel">
        <Text size="sm">This message is archived. It can be read but no longer used.</Text>
      </Paper>
    );
  }
  return null;
}
