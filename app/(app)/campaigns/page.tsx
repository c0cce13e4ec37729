import {
  Badge,
  Paper,
  SimpleGrid,
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
} from '@mantine/core';
import type { Metadata } from 'next';
import { NewCampaignButton } from '@/components/campaigns/campaign-dialogs';
import { CampaignCard, MessageCountBadges } from '@/components/campaigns/campaign-card';
import { campaignDateRange } from '@/components/campaigns/campaign-dates';
import { LinkAnchor } from '@/components/link-button';
import { PageHeader } from '@/components/shell/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { countMessagesByCampaign, noMessages } from '@/lib/campaigns/campaign-message-counts';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { listMessages } from '@/lib/messages/list-messages';
import { SearchQuery } from '@/lib/search/search-terms';
import { MessageResults } from '@/components/search/message-results';
import { NoMatches } from '@/components/search/no-matches';
import { SearchBox } from '@/components/search/search-box';

export const metadata: Metadata = { title: 'Campaigns' };

export default async function CampaignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage('campaign.read');
  const asked = (await searchParams).q;
  const q =
    SearchQuery.safeParse(Array.isArray(asked) ? asked[0] : asked).data?.trim() || undefined;
  const [campaigns, counts, found] = await Promise.all([
    listCampaigns(actor, { limit: 500 }),
    countMessagesByCampaign(actor),
    q ? listMessages(actor, { q, limit: 50 }) : null,
  ]);
  const active = campaigns.items.filter((campaign) => campaign.status === 'active');
  const archived = campaigns.items.filter((campaign) => campaign.status === 'archived');
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Each campaign’s shared messages: written once, approved by a second campaign lead, then published by every force and partner."
        actions={can(actor, 'campaign.create') ? <NewCampaignButton /> : null}
      />
      <Stack gap="xl">
        <Stack gap="sm">
          <SearchBox
            key={q ?? ''}
            value={q}
            label="Search messages"
            placeholder="Words in a title or text"
            w={360}
          />
          {q && found && found.items.length === 0 && (
            <NoMatches what="messages" q={q} clearHref="/campaigns" />
          )}
          {q && found && found.items.length > 0 && (
            <MessageResults
              q={q}
              messages={found.items}
              campaignNames={Object.fromEntries(campaigns.items.map((c) => [c.id, c.name]))}
              more={found.nextCursor !== null}
            />
          )}
        </Stack>
        {active.length === 0 ? (
          <Paper withBorder p="xl" ta="center">
            <Text fw={600}>No campaigns are running</Text>
            <Text size="sm" c="dimmed">
              {can(actor, 'campaign.create')
                ? 'Start one with “New campaign”.'
                : 'A campaign lead at NW ROCU starts campaigns; they will appear here.'}
            </Text>
          </Paper>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            {active.map((campaign) => (
              <CampaignCard
                key={campaign.id}
                campaign={campaign}
                counts={counts[campaign.id] ?? noMessages()}
                now={now}
              />
            ))}
          </SimpleGrid>
        )}
        {archived.length > 0 && (
          <section aria-labelledby="archived-campaigns">
            <Title order={2} size="h4" mb={4} id="archived-campaigns">
              Archived
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Finished campaigns. Their messages and reach stay readable; nothing new can be
              written.
            </Text>
            <Paper withBorder>
              <TableScrollContainer minWidth={640}>
                <Table verticalSpacing="sm" horizontalSpacing="md">
                  <TableThead>
                    <TableTr>
                      <TableTh>Campaign</TableTh>
                      <TableTh>Ran</TableTh>
                      <TableTh>Messages</TableTh>
                    </TableTr>
                  </TableThead>
                  <TableTbody>
                    {archived.map((campaign) => (
                      <TableTr key={campaign.id}>
                        <TableTd>
                          <LinkAnchor href={`/campaigns/${campaign.id}`} fw={600}>
                            {campaign.name}
                          </LinkAnchor>{' '}
                          <Badge color="dark" variant="light" size="sm" ml={4}>
                            Archived
                          </Badge>
                        </TableTd>
                        <TableTd>
                          <Text size="sm">{campaignDateRange(campaign)}</Text>
                        </TableTd>
                        <TableTd>
                          <MessageCountBadges counts={counts[campaign.id] ?? noMessages()} />
                        </TableTd>
                      </TableTr>
                    ))}
                  </TableTbody>
                </Table>
              </TableScrollContainer>
            </Paper>
          </section>
        )}
      </Stack>
    </>
  );
}
