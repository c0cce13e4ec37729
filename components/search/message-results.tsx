import {
  Paper,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
} from '@mantine/core';
import { MessageTitleCell, MessageUpdatedCell } from '@/components/messages/message-cells';
import { MessageStatusBadge } from '@/components/messages/message-status-badge';
import type { MessageView } from '@/lib/messages/message-schemas';

/** The messages a search found, across campaigns, newest first. */
export function MessageResults({
  q,
  messages,
  campaignNames,
  more,
}: {
  q: string;
  messages: MessageView[];
  campaignNames: Record<string, string>;
  more: boolean;
}) {
  return (
    <Paper withBorder component="section" aria-labelledby="message-results">
      <Title order={2} size="h4" p="md" pb={0} id="message-results">
        Messages matching “{q}”
      </Title>
      <TableScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <TableThead>
            <TableTr>
              <TableTh>Message</TableTh>
              <TableTh>Campaign</TableTh>
              <TableTh>Status</TableTh>
              <TableTh>Updated</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {messages.map((message) => (
              <TableTr key={message.id} data-testid="message-result">
                <MessageTitleCell message={message} />
                <TableTd>
                  <Text size="sm">{campaignNames[message.campaignId] ?? ''}</Text>
                </TableTd>
                <TableTd>
                  <MessageStatusBadge status={message.status} />
                </TableTd>
                <MessageUpdatedCell updatedAt={message.updatedAt} />
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </TableScrollContainer>
      {more && (
        <Text size="sm" c="dimmed" p="md" pt={0}>
          The 50 newest are shown: add a word to narrow the search.
        </Text>
      )}
    </Paper>
  );
}
