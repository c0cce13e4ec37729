import {
  Badge,
  Paper,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Tabs,
  TabsList,
  TabsPanel,
  TabsTab,
  Text,
} from '@mantine/core';
import { MessageTitleCell, MessageUpdatedCell } from '@/components/messages/message-cells';
import { ShareableBadge } from '@/components/messages/shareable-badge';
import type { MessageStatus, MessageView } from '@/lib/messages/message-schemas';
import { ThemeBadge } from './theme-badge';

const GROUPS: { status: MessageStatus; label: string; empty: string }[] = [
  { status: 'approved', label: 'Approved', empty: 'No approved messages yet.' },
  { status: 'in_review', label: 'In review', empty: 'Nothing is waiting for review.' },
  { status: 'draft', label: 'Drafts', empty: 'No drafts.' },
  { status: 'archived', label: 'Archived', empty: 'No archived messages.' },
];

function MessageTable({ messages, empty }: { messages: MessageView[]; empty: string }) {
  if (messages.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="lg">
        {empty}
      </Text>
    );
  }
  return (
    <TableScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
        <TableThead>
          <TableTr>
            <TableTh>Message</TableTh>
            <TableTh>Theme</TableTh>
            <TableTh>Who may use it</TableTh>
            <TableTh>Author</TableTh>
            <TableTh>Updated</TableTh>
          </TableTr>
        </TableThead>
        <TableTbody>
          {messages.map((message) => (
            <TableTr key={message.id} data-testid="message-row">
              <MessageTitleCell message={message} />
              <TableTd>
                <ThemeBadge theme={message.theme} />
              </TableTd>
              <TableTd>
                <ShareableBadge shareable={message.shareable} />
              </TableTd>
              <TableTd>
                <Text size="sm">{message.author.name}</Text>
              </TableTd>
              <MessageUpdatedCell updatedAt={message.updatedAt} />
            </TableTr>
          ))}
        </TableTbody>
      </Table>
    </TableScrollContainer>
  );
}

/** The campaign's messages in tabs by state; archived ones only when there are any. */
export function CampaignMessages({
  messages,
  statuses,
}: {
  messages: MessageView[];
  /** The states the person can ever see (lib/messages/message-access.ts): a tab each. */
  statuses: readonly MessageStatus[];
}) {
  const byStatus = (status: MessageStatus) =>
    messages.filter((message) => message.status === status);
  const groups = GROUPS.filter(
    (group) =>
      statuses.includes(group.status) &&
      (group.status !== 'archived' || byStatus('archived').length > 0),
  );
  return (
    <Paper withBorder>
      <Tabs defaultValue="approved">
        <TabsList px="sm" pt="xs">
          {groups.map((group) => (
            <TabsTab
              key={group.status}
              value={group.status}
              rightSection={
                <Badge
                  size="sm"
                  variant="light"
                  color="gray"
                  circle={byStatus(group.status).length < 10}
                >
                  {byStatus(group.status).length}
                </Badge>
              }
            >
              {group.label}
            </TabsTab>
          ))}
        </TabsList>
        {groups.map((group) => (
          <TabsPanel key={group.status} value={group.status}>
            <MessageTable messages={byStatus(group.status)} empty={group.empty} />
          </TabsPanel>
        ))}
      </Tabs>
    </Paper>
  );
}
