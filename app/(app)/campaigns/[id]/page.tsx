import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveCampaignButton, EditCampaignButton } from '@/components/campaigns/campaign-dialogs';
import { campaignDateRange, campaignPhase } from '@/components/campaigns/campaign-dates';
import { CampaignMessages } from '@/components/campaigns/campaign-messages';
import { visibleMessageStatuses } from '@/lib/messages/message-access';
import { ThemeBadge } from '@/components/campaigns/theme-badge';
import { LinkButton } from '@/components/link-button';
import { PageHeader } from '@/components/shell/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { AppError } from '@/lib/errors';
import { listMessages } from '@/lib/messages/list-messages';
import { SearchQuery } from '@/lib/search/search-terms';
import { NoMatches } from '@/components/search/no-matches';
import { SearchBox } from '@/components/search/search-box';

export const metadata: Metadata = { title: 'Campaign' };

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage('campaign.read');
  const { id } = await params;
  const asked = (await searchParams).q;
  const q =
    SearchQuery.safeParse(Array.isArray(asked) ? asked[0] : asked).data?.trim() || undefined;
  const campaign = await getCampaign(actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const messages = await listMessages(actor, { campaignId: id, q, limit: 500 });
  const open = campaign.status === 'active';
  const lead = can(actor, 'campaign.update');
  const phase = campaignPhase(campaign, new Date());
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={
          <Group gap="xs" component="span">
            <span>{campaignDateRange(campaign)}</span>
            {open ? (
              <Badge component="span" color={phase.color} variant="dot" tt="none">
                {phase.label}
              </Badge>
            ) : (
              <Badge component="span" color="dark" variant="light">
                Archived
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            {lead && open && <EditCampaignButton campaign={campaign} />}
            {lead && open && <ArchiveCampaignButton campaign={campaign} />}
            {open && can(actor, 'message.create') && (
              <LinkButton
                href={`/campaigns/${campaign.id}/messages/new`}
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                New message
              </LinkButton>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="lg">
          <Stack gap="sm">
            {campaign.description ? (
              <Text size="sm" maw={860} style={{ whiteSpace: 'pre-wrap' }}>
                {campaign.description}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                No description.
              </Text>
            )}
            <Group gap={6} aria-label="Themes">
              <Text size="sm" c="dimmed" mr={4}>
                Themes:
              </Text>
              {campaign.themes.map((theme) => (
                <ThemeBadge key={theme} theme={theme} />
              ))}
            </Group>
            {!open && (
              <Text size="sm" c="dimmed">
                This campaign is archived: its messages can be read and its posts stay on record,
                but nothing new can be written.
              </Text>
            )}
          </Stack>
        </Paper>
        <SearchBox
          key={q ?? ''}
          value={q}
          label="Search this campaign’s messages"
          placeholder="Words in a title or text"
          w={360}
        />
        {q && messages.items.length === 0 ? (
          <NoMatches what="messages" q={q} clearHref={`/campaigns/${campaign.id}`} />
        ) : (
          <CampaignMessages messages={messages.items} statuses={visibleMessageStatuses(actor)} />
        )}
      </Stack>
    </>
  );
}
