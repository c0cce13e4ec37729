'use client';

import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconCheck, IconExternalLink, IconX } from '@tabler/icons-react';
import { LinkButton } from '@/components/link-button';
import { RejectDialog } from '@/components/messages/reject-dialog';
import { useReview } from '@/components/messages/use-review';

/** Approve, send back or open one message from the Approvals queue. */
export function ApprovalActions({
  messageId,
  title,
  blocked,
}: {
  messageId: string;
  title: string;
  /** The check found problems: approving would be refused, so say so on the button. */
  blocked: boolean;
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
          aria-label={`Approve “${title}”`}
          title={blocked ? 'Fix the problems listed first' : undefined}
        >
          Approve
        </Button>
        <Button
          variant="default"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={review.openReject}
          disabled={review.pending}
          aria-label={`Send “${title}” back with a reason`}
        >
          Send back
        </Button>
        <LinkButton
          href={`/messages/${messageId}`}
          variant="subtle"
          rightSection={<IconExternalLink size={14} aria-hidden />}
          aria-label={`Open “${title}”`}
        >
          Open
        </LinkButton>
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
