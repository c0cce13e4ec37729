import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { ConnectByOAuthForm } from '@/components/settings/connect-by-oauth';
import { PageHeader } from '@/components/shell/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { OAUTH_PLATFORMS, oauthClient } from '@/lib/channels/oauth/oauth-settings';
import { env } from '@/lib/env';
import { listOrganisations } from '@/lib/organisations/list-organisations';

export const metadata: Metadata = { title: 'Connect a channel' };

const PLATFORM_CHOICES = {
  x: { label: 'X', site: 'X' },
  facebook: { label: 'Facebook (a Page, and its Instagram account)', site: 'Facebook' },
} as const;

export default async function ConnectChannelPage() {
  const actor = await requirePage('channel.manage');
  const organisations = await listOrganisations({ limit: 500 });
  const settings = env();
  const platforms = OAUTH_PLATFORMS.filter((platform) => oauthClient(platform, settings)).map(
    (platform) => ({ value: platform, ...PLATFORM_CHOICES[platform] }),
  );
  const choices = organisations.items
    .filter((organisation) => can(actor, 'channel.manage', { organisationId: organisation.id }))
    .map((organisation) => ({ value: organisation.id, label: organisation.name }));
  return (
    <>
      <PageHeader
        title="Connect a channel"
        description="Signpost publishes to an account once someone who manages it authorises Signpost on the platform itself. Nobody copies or pastes a token."
      />
      <Stack gap="lg">
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb="sm">
            Which account
          </Title>
          {platforms.length > 0 ? (
            <ConnectByOAuthForm platforms={platforms} organisations={choices} />
          ) : (
            <Text size="sm">
              No platform is set up for connecting here: its app’s client id is not configured
              (README, “Connecting channels”).
            </Text>
          )}
        </Paper>
        <Text size="sm" c="dimmed" maw={640}>
          LinkedIn, Threads, Mastodon, Nextdoor and Bluesky channels are added with their tokens
          through the API for now (POST /api/v1/channels), and their credentials changed from the
          channel’s row in Settings.
        </Text>
      </Stack>
    </>
  );
}
