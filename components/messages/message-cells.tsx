// The cells every table of messages shares: the title linking to the message, with the first
// line of its text beneath, and when it last changed.
import { TableTd, Text } from '@mantine/core';
import { formatDateTime } from '@/components/format';
import { LinkAnchor } from '@/components/link-button';
import type { MessageView } from '@/lib/messages/message-schemas';

export function MessageTitleCell({
  message,
}: {
  message: Pick<MessageView, 'id' | 'title' | 'body'>;
}) {
  return (
    <TableTd>
      <LinkAnchor href={`/messages/${message.id}`} fw={600} size="sm">
        {message.title}
      </LinkAnchor>
      <Text size="xs" c="dimmed" lineClamp={1} maw={420}>
        {message.body}
      </Text>
    </TableTd>
  );
}

export function MessageUpdatedCell({ updatedAt }: { updatedAt: MessageView['updatedAt'] }) {
  return (
    <TableTd>
      <Text size="sm" c="dimmed">
        {formatDateTime(updatedAt)}
      </Text>
    </TableTd>
  );
}
