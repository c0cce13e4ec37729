import { Badge } from '@mantine/core';
import type { MessageStatus } from '@/lib/messages/message-schemas';

export const MESSAGE_STATUS_DISPLAY: Record<MessageStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  in_review: { label: 'In review', color: 'yellow' },
  approved: { label: 'Approved', color: 'green' },
  archived: { label: 'Archived', color: 'dark' },
};

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  const { label, color } = MESSAGE_STATUS_DISPLAY[status];
  return (
    <Badge
      component="span"
      color={color}
      variant="light"
      data-testid="message-status"
      data-status={status}
    >
      {label}
    </Badge>
  );
}
