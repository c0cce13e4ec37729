import {
  Paper,
  SimpleGrid,
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
import { BEST_MIN_POSTS, hourLabel, type BestHour, type BestMessage } from '@/lib/reach/best';
import { LinkAnchor } from '@/components/link-button';

const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** What worked best in the period: messages and, per platform, the hour of day. */
export function ReachBest({ messages, hours }: { messages: BestMessage[]; hours: BestHour[] }) {
  const tooFew = `Shown once a message or hour has at least ${BEST_MIN_POSTS} posts with figures.`;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Paper withBorder p="lg" data-testid="best-messages">
        <Title order={2} size="h4" mb={4}>
          Best messages
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Most engagements per post.
        </Text>
        {messages.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not enough posts with figures yet. {tooFew}
          </Text>
        ) : (
          <TableScrollContainer minWidth={300}>
            <Table verticalSpacing={6}>
              <TableThead>
                <TableTr>
                  <TableTh>Message</TableTh>
                  <TableTh ta="right">Posts</TableTh>
                  <TableTh ta="right">Engagements per post</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {messages.map((message) => (
                  <TableTr key={message.messageId}>
                    <TableTd>
                      <LinkAnchor href={`/messages/${message.messageId}`} size="sm">
                        {message.title}
                      </LinkAnchor>
                    </TableTd>
                    <TableTd ta="right">{message.posts}</TableTd>
                    <TableTd ta="right">{decimal.format(message.engagementsPerPost)}</TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </Paper>
      <Paper withBorder p="lg" data-testid="best-hours">
        <Title order={2} size="h4" mb={4}>
          Best hours to post
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Per platform, the UK hour whose posts drew most engagements on average.
        </Text>
        {hours.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not enough posts with figures yet. {tooFew}
          </Text>
        ) : (
          <TableScrollContainer minWidth={300}>
            <Table verticalSpacing={6}>
              <TableThead>
                <TableTr>
                  <TableTh>Platform</TableTh>
                  <TableTh>Hour (UK)</TableTh>
                  <TableTh ta="right">Posts</TableTh>
                  <TableTh ta="right">Engagements per post</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {hours.map((hour) => (
                  <TableTr key={hour.platform}>
                    <TableTd>{hour.label}</TableTd>
                    <TableTd ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {hourLabel(hour.hour)}
                    </TableTd>
                    <TableTd ta="right">{hour.posts}</TableTd>
                    <TableTd ta="right">{decimal.format(hour.engagementsPerPost)}</TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </Paper>
    </SimpleGrid>
  );
}
