'use client';

import { IconExternalLink } from '@tabler/icons-react';
import { LinkButton } from '@/components/link-button';
import { ReviewControls } from '@/components/messages/review-controls';

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
  return (
    <ReviewControls messageId={messageId} title={title} blocked={blocked} inQueue>
      <LinkButton
        href={`/messages/${messageId}`}
        variant="subtle"
        rightSection={<IconExternalLink size={14} aria-hidden />}
        aria-label={`Open “${title}”`}
      >
        Open
      </LinkButton>
    </ReviewControls>
  );
}
