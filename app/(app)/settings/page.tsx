import {
  Badge,
  Group,
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
  VisuallyHidden,
  Text,
  Title,
} from '@mantine/core';
import type { Metadata } from 'next';
import { PlatformBadge } from '@/components/platform-badge';
import { PageHeader } from '@/components/shell/page-header';
import { ApiTokens } from '@/components/settings/api-tokens';
import { Blackouts } from '@/components/settings/blackouts';
import { ConnectChannel } from '@/components/settings/connect-channel';
import { ReconnectByOAuth } from '@/components/settings/connect-by-oauth';
import { LinkButton } from '@/components/link-button';
import { IconPlugConnected } from '@tabler/icons-react';
import { QueueCounts } from '@/components/settings/queue-counts';
import { readQueueCounts } from '@/lib/health/check-health';
import { DASHBOARD_PATH } from '@/lib/queue/dashboard-path';
import { dashboardAccess } from '@/lib/queue/dashboard-access';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { mayOpen } from '@/lib/auth/navigation';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session-actor';
import { credentialFields } from '@/lib/channels/connect-channel';
import { oauthPlatformFor } from '@/lib/channels/oauth/oauth-settings';
import { listChannels } from '@/lib/channels/list-channels';
import { platformRules } from '@/lib/platforms/rules';
import { listOrganisations } from '@/lib/organisations/list-organisations';
import { listBlackouts } from '@/lib/pauses/blackouts';
import { nextElectionPeriod } from '@/lib/pauses/election-period';
import { currentSignpost } from '@/lib/signpost/signpost-store';

export const metadata: Metadata = { title: 'Settings' };

const CHANNEL_STATUS = {
  active: { label: 'Active', color: 'green' },
  needs_reauth: { label: 'Needs re-authorising', color: 'orange' },
  disabled: { label: 'Disabled', color: 'gray' },
} as const;

export default async function SettingsPage() {
  const actor = await requireActor();
  const [tokens, channels, signpost, blackouts, organisations] = await Promise.all([
    listApiTokens(actor.userId),
    listChannels(actor, { limit: 500 }),
    currentSignpost(),
    listBlackouts(),
    listOrganisations({ limit: 500 }),
  ]);
  const blackoutOrganisations = organisations.items.filter((organisation) =>
    can(actor, 'blackout.manage', { organisationId: organisation.id }),
  );
  const mayEditSignpost = can(actor, 'signpost.update');
  const election = nextElectionPeriod(new Date());
  const queueAccess = dashboardAccess(actor);
  const queueCounts = queueAccess === 'none' ? null : await readQueueCounts().catch(() => null);
  const mayConnect = channels.items.some((channel) =>
    can(actor, 'channel.manage', { organisationId: channel.organisationId }),
  );
  const mayAddChannels = mayOpen(actor, 'channel.manage');
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your account and notifications, the helpline signpost, your organisations’ channels and your API tokens."
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              Your account
            </Title>
            <Text fw={600}>{actor.user.name}</Text>
            <Text size="sm" c="dimmed">
              {actor.user.email}
            </Text>
          </Paper>
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              Your organisations
            </Title>
            <Stack gap={6}>
              {actor.memberships.map((membership) => (
                <Group key={membership.organisationId} justify="space-between">
                  <Text size="sm">{membership.organisation.name}</Text>
                  <Badge variant="light">{ROLE_LABELS[membership.role]}</Badge>
                </Group>
              ))}
            </Stack>
          </Paper>
        </SimpleGrid>
        <Paper withBorder p="lg">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <div>
              <Title order={2} size="h4" mb={4}>
                Notifications
              </Title>
              <Text size="sm" c="dimmed">
                What Signpost emails you, at once or in a daily digest, and when.
              </Text>
            </div>
            <LinkButton href="/settings/notifications" variant="default">
              Choose your notifications
            </LinkButton>
          </Group>
        </Paper>
        <Paper withBorder p="lg">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <div>
              <Title order={2} size="h4" mb={4}>
                Sessions and tokens
              </Title>
              <Text size="sm" c="dimmed">
                Where you are signed in, and your API tokens: sign out or revoke any of them.
              </Text>
            </div>
            <LinkButton href="/settings/security" variant="default">
              See your sessions
            </LinkButton>
          </Group>
        </Paper>
        {mayOpen(actor, 'user.manage') && (
          <Paper withBorder p="lg">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <div>
                <Title order={2} size="h4" mb={4}>
                  People and organisations
                </Title>
                <Text size="sm" c="gray.7">
                  Invite people and set their roles; add, change or deactivate organisations; set up
                  their single sign-on.
                </Text>
              </div>
              <Group gap="xs">
                <LinkButton href="/settings/people" variant="default">
                  Manage people
                </LinkButton>
                <LinkButton href="/settings/organisations" variant="default">
                  Manage organisations
                </LinkButton>
                <LinkButton href="/settings/single-sign-on" variant="default">
                  Single sign-on
                </LinkButton>
              </Group>
            </Group>
          </Paper>
        )}
        <Paper withBorder p="lg">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <div>
              <Title order={2} size="h4" mb={4}>
                Helpline signpost
              </Title>
              <Text size="sm" c="dimmed">
                Version {signpost.version}: {signpost.helplineName}, {signpost.phone}. Every post
                carries it, worded for its platform.
              </Text>
            </div>
            <LinkButton href="/settings/signpost" variant={mayEditSignpost ? 'filled' : 'default'}>
              {mayEditSignpost ? 'Edit the signpost' : 'See the signpost'}
            </LinkButton>
          </Group>
        </Paper>
        {mayOpen(actor, 'post.read') && (
          <Paper withBorder p="lg">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <div>
                <Title order={2} size="h4" mb={4}>
                  Calendar feed
                </Title>
                <Text size="sm" c="gray.7">
                  The schedule in your own calendar app: a private, read-only address you can
                  revoke.
                </Text>
              </div>
              <LinkButton href="/settings/calendar-feed" variant="default">
                Manage calendar feeds
              </LinkButton>
            </Group>
          </Paper>
        )}
        {mayOpen(actor, 'webhook.manage') && (
          <Paper withBorder p="lg">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <div>
                <Title order={2} size="h4" mb={4}>
                  Webhooks
                </Title>
                <Text size="sm" c="gray.7">
                  Signed events for your own tools: posts published, failed or held, messages
                  approved, pauses.
                </Text>
              </div>
              <LinkButton href="/settings/webhooks" variant="default">
                Manage webhooks
              </LinkButton>
            </Group>
          </Paper>
        )}
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb={4}>
            Channels
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            The social media accounts Signpost publishes to
            {channels.items.length > 0 ? '' : ': none you can see'}.
          </Text>
          {mayAddChannels && (
            <LinkButton
              href="/settings/channels/connect"
              variant="default"
              mb="md"
              leftSection={<IconPlugConnected size={16} />}
            >
              Connect a channel
            </LinkButton>
          )}
          {channels.items.length > 0 && (
            <TableScrollContainer minWidth={560}>
              <Table verticalSpacing="xs">
                <TableThead>
                  <TableTr>
                    <TableTh>Platform</TableTh>
                    <TableTh>Account</TableTh>
                    <TableTh>Organisation</TableTh>
                    <TableTh>State</TableTh>
                    {mayConnect && (
                      <TableTh>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </TableTh>
                    )}
                  </TableTr>
                </TableThead>
                <TableTbody>
                  {channels.items.map((channel) => (
                    <TableTr key={channel.id}>
                      <TableTd>
                        <PlatformBadge platform={channel.platform} />
                      </TableTd>
                      <TableTd>{channel.handle}</TableTd>
                      <TableTd>{channel.organisation.name}</TableTd>
                      <TableTd>
                        <Badge color={CHANNEL_STATUS[channel.status].color} variant="dot">
                          {CHANNEL_STATUS[channel.status].label}
                        </Badge>
                        {channel.status !== 'active' && channel.statusReason && (
                          <Text size="xs" c="dimmed" mt={4} maw={360}>
                            {channel.statusReason}
                          </Text>
                        )}
                      </TableTd>
                      {mayConnect && (
                        <TableTd ta="right">
                          {can(actor, 'channel.manage', {
                            organisationId: channel.organisationId,
                          }) && (
                            <Group gap="xs" justify="flex-end" wrap="wrap">
                              {oauthPlatformFor(channel.platform) && (
                                <ReconnectByOAuth
                                  channel={{
                                    id: channel.id,
                                    handle: channel.handle,
                                    platformLabel: platformRules[channel.platform].label,
                                    needsReauth: channel.status === 'needs_reauth',
                                  }}
                                />
                              )}
                              <ConnectChannel
                                channel={{
                                  id: channel.id,
                                  handle: channel.handle,
                                  platformLabel: platformRules[channel.platform].label,
                                  needsReauth:
                                    channel.status === 'needs_reauth' &&
                                    !oauthPlatformFor(channel.platform),
                                }}
                                fields={credentialFields(channel.platform)}
                              />
                            </Group>
                          )}
                        </TableTd>
                      )}
                    </TableTr>
                  ))}
                </TableTbody>
              </Table>
            </TableScrollContainer>
          )}
        </Paper>
        {blackoutOrganisations.length > 0 && (
          <Paper withBorder p="lg" id="blackouts">
            <Title order={2} size="h4" mb={4}>
              Blackout windows
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              Periods set ahead when an organisation must not publish, such as a pre-election
              period. Posts that fall in one are held; scheduling into one is refused.
            </Text>
            <Blackouts
              preset={{
                label: `Use the pre-election period: ${election.reason.replace(/^Pre-election period: /, '')}`,
                reason: election.reason,
                fromDay: election.fromDay,
                untilDay: election.untilDay,
              }}
              organisations={blackoutOrganisations}
              blackouts={blackouts.items.map((blackout) => ({
                ...blackout,
                mayRemove: can(actor, 'blackout.manage', {
                  organisationId: blackout.organisation.id,
                }),
              }))}
            />
          </Paper>
        )}
        {queueAccess !== 'none' && (
          <QueueCounts
            queues={queueCounts}
            dashboardHref={DASHBOARD_PATH}
            readOnly={queueAccess === 'read'}
          />
        )}
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb={4}>
            API tokens
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Personal tokens for the Signpost API (see{' '}
            <a href="/api/v1/openapi.json">the API description</a>). A token acts with your
            permissions and lasts 90 days.
          </Text>
          <ApiTokens
            tokens={tokens.map((token) => ({
              ...token,
              createdAt: token.createdAt.toISOString(),
              expiresAt: token.expiresAt.toISOString(),
              lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
              revokedAt: token.revokedAt?.toISOString() ?? null,
            }))}
          />
        </Paper>
      </Stack>
    </>
  );
}
