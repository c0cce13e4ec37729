import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ThemeBadge } from '@/components/campaigns/theme-badge';
import { formatDateTime } from '@/components/format';
import { LinkAnchor } from '@/components/link-button';
import { MessageChecks } from '@/components/messages/message-checks';
import { PreviewCard } from '@/components/messages/preview/preview-card';
import type { PreviewImage } from '@/components/messages/preview/preview-media';
import { ShareableBadge } from '@/components/messages/shareable-badge';
import type { MessageCheck } from '@/lib/messages/check-message';
import type { AwaitingApproval } from '@/lib/messages/list-awaiting-approval';
import type { Platform, RenderedPost } from '@/lib/platforms/types';
import { ApprovalActions } from './approval-actions';

// Three that between them show the tight limit, the long one and the caption without links.
const COMPACT_PLATFORMS: Platform[] = ['x', 'facebook', 'instagram'];

export function ApprovalCard({
  item,
  check,
  preview,
  organisationName,
  organisationNames,
  images,
}: {
  item: AwaitingApproval;
  check: MessageCheck;
  preview: Record<Platform, RenderedPost>;
  organisationName: string;
  organisationNames: Record<string, string>;
  images: PreviewImage[];
}) {
  const { message, campaign } = item;
  const headingId = `approval-${message.id}`;
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={headingId} data-testid="approval">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Title order={2} size="h4" id={headingId}>
              <LinkAnchor href={`/messages/${message.id}`} c="inherit" inherit>
                {message.title}
              </LinkAnchor>
            </Title>
            <Text size="sm" c="dimmed">
              By {message.author.name} in{' '}
              <LinkAnchor href={`/campaigns/${campaign.id}`} size="sm">
                {campaign.name}
              </LinkAnchor>
              {message.submittedAt && <>, submitted {formatDateTime(message.submittedAt)}</>}
            </Text>
            <Group gap={6}>
              <ThemeBadge theme={message.theme} />
              <ShareableBadge shareable={message.shareable} />
            </Group>
          </Stack>
          <ApprovalActions messageId={message.id} title={message.title} blocked={!check.ok} />
        </Group>
        <Text size="sm" fw={600} mb={-8}>
          As {organisationName} would publish it
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {COMPACT_PLATFORMS.map((platform) => (
            <PreviewCard
              key={platform}
              platform={platform}
              post={preview[platform]}
              organisationName={organisationName}
              usesOwnVersion={message.overrides[platform] !== undefined}
              images={images}
            />
          ))}
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Checks on all eight platforms, for every organisation
          </Text>
          <MessageChecks
            problems={check.problems}
            warnings={check.warnings}
            organisationNames={organisationNames}
            compact
          />
        </Stack>
      </Stack>
    </Paper>
  );
}
