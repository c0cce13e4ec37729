import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { LinkAnchor } from '@/components/link-button';
import type { CampaignView } from '@/lib/campaigns/campaign-schemas';
import type { MessageCounts } from '@/lib/campaigns/campaign-message-counts';
import { campaignDateRange, campaignPhase } from './campaign-dates';
import { ThemeBadge } from './theme-badge';

const COUNTS: { status: keyof MessageCounts; label: string; color: string }[] = [
  { status: 'approved', label: 'approved', color: 'green' },
  { status: 'in_review', label: 'in review', color: 'yellow' },
  { status: 'draft', label: 'drafts', color: 'gray' },
];

export function MessageCountBadges({ counts }: { counts: MessageCounts }) {
  return (
    <Group gap={6} aria-label="Messages by state">
      {COUNTS.map(({ status, label, color }) => (
        <Badge
          key={status}
          color={color}
          variant={counts[status] > 0 ? 'light' : 'outline'}
          tt="none"
          data-testid={`count-${status}`}
        >
          {counts[status]} {counts[status] === 1 && status === 'draft' ? 'draft' : label}
        </Badge>
      ))}
    </Group>
  );
}

export function CampaignCard({
  campaign,
  counts,
  now,
}: {
  campaign: CampaignView;
  counts: MessageCounts;
  now: Date;
}) {
  const phase = campaignPhase(campaign, now);
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={`campaign-${campaign.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id={`campaign-${campaign.id}`}>
              <LinkAnchor href={`/campaigns/${campaign.id}`} c="inherit" inherit>
                {campaign.name}
              </LinkAnchor>
            </Title>
            <Text size="sm" c="dimmed">
              {campaignDateRange(campaign)}
            </Text>
          </Stack>
          <Badge color={phase.color} variant="dot" tt="none">
            {phase.label}
          </Badge>
        </Group>
        {campaign.description && (
          <Text size="sm" lineClamp={2}>
            {campaign.description}
          </Text>
        )}
        <Group gap={6}>
          {campaign.themes.map((theme) => (
            <ThemeBadge key={theme} theme={theme} />
          ))}
        </Group>
        <MessageCountBadges counts={counts} />
      </Stack>
    </Paper>
  );
}
