'use client';

// Approve or send back one message: the buttons, the refusal if approving fails, and the dialog
// asking why it goes back. On the message page and in the Approvals queue, where several messages
// share a page and so each button names its message.
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { RejectDialog } from './reject-dialog';
import { useReview } from './use-review';

export function ReviewControls({
  messageId,
  title,
  blocked = false,
  inQueue = false,
  children,
}: {
  messageId: string;
  title: string;
  /** The check found problems: approving would be refused, so say so on the button. */
  blocked?: boolean;
  /** One of several messages on the page: the buttons name it. */
  inQueue?: boolean;
  /** More buttons for the same row. */
  children?: ReactNode;
}) {
  const review = useReview(messageId);
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button
          color="green"
          leftSection={<IconCheck size={16} aria-hidden />}
          onClick={review.approve}
          loading={review.pending}
          disabled={blocked}
          aria-label={inQueue ? `Approve “${title}”` : undefined}
          title={blocked ? 'Fix the problems listed first' : undefined}
        >
          Approve
        </Button>
        <Button
          variant="default"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={review.openReject}
          disabled={review.pending}
          aria-label={inQueue ? `Send back “${title}” with a reason` : undefined}
        >
          {inQueue ? 'Send back' : 'Send back with a reason'}
        </Button>
        {children}
      </Group>
      {review.error && (
        <Alert color="red" variant="light" role="alert" title="Not approved">
          {review.error}
        </Alert>
      )}
      <RejectDialog
        opened={review.rejecting}
        title={title}
        onClose={review.closeReject}
        onReject={review.reject}
      />
    </Stack>
  );
}
