import {
  Anchor,
  Group,
  Paper,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { formatDateTime } from '@/components/format';
import { PlatformBadge } from '@/components/platform-badge';
import { PostStatusBadge } from '@/components/posts/post-status-badge';
import type { OrganisationPlaces } from '@/lib/posts/where-it-goes';

/** A message's posts, by organisation and channel: when each goes or went out, and where. */
export function WhereItGoes({ places, more }: { places: OrganisationPlaces[]; more: boolean }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="where-it-goes">
      <Title order={2} size="h4" mb="xs" id="where-it-goes">
        Where it goes
      </Title>
      {places.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="where-it-goes-empty">
          This message is not scheduled on any channel you look after yet.
        </Text>
      ) : (
        <Stack gap="md">
          {places.map(({ organisation, channels }) => (
            <div key={organisation.slug} data-testid="where-it-goes-organisation">
              <Title order={3} size="h5" mb={4}>
                {organisation.name}
              </Title>
              <TableScrollContainer minWidth={560}>
                <Table verticalSpacing="xs" horizontalSpacing="sm">
                  <TableThead>
                    <TableTr>
                      <TableTh>Channel</TableTh>
                      <TableTh>Status</TableTh>
                      <TableTh>When (UK time)</TableTh>
                      <TableTh>Published post</TableTh>
                    </TableTr>
                  </TableThead>
                  <TableTbody>
                    {channels.flatMap((channel) =>
                      channel.posts.map((post) => (
                        <TableTr
                          key={post.id}
                          id={`post-${post.id}`}
                          data-testid="where-it-goes-post"
                        >
                          <TableTd>
                            <Group gap={6} wrap="nowrap">
                              <PlatformBadge platform={channel.platform} />
                              <Text size="sm">{channel.handle}</Text>
                            </Group>
                          </TableTd>
                          <TableTd>
                            <PostStatusBadge status={post.status} />
                          </TableTd>
                          <TableTd>
                            <Text size="sm">
                              {post.publishedAt
                                ? `Published ${formatDateTime(post.publishedAt)}`
                                : formatDateTime(post.scheduledAt)}
                            </Text>
                          </TableTd>
                          <TableTd>
                            {post.externalUrl ? (
                              <Anchor
                                href={post.externalUrl}
                                size="sm"
                                target="_blank"
                                rel="noreferrer"
                              >
                                See it on the platform
                                <VisuallyHidden> ({channel.handle})</VisuallyHidden>
                              </Anchor>
                            ) : (
                              <Text size="sm" c="dimmed">
                                {post.status === 'published'
                                  ? 'No link from the platform'
                                  : 'None yet'}
                              </Text>
                            )}
                          </TableTd>
                        </TableTr>
                      )),
                    )}
                  </TableTbody>
                </Table>
              </TableScrollContainer>
            </div>
          ))}
          {more && (
            <Text size="sm" c="dimmed">
              Only the first 500 posts are listed; the Schedule page has them all.
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
