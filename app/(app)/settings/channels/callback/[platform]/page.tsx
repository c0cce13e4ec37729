// Where a platform sends the person back after its consent page (the redirect URI registered
// with each app). The flow is finished or refused in lib; this page only says which, in words a
// person can act on, and never shows the platform's own text back.
import { Alert, Paper, Stack, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { LinkButton } from '@/components/link-button';
import { PageHeader } from '@/components/shell/page-header';
import { requirePage } from '@/lib/auth/require-page';
import { CALLBACK_REFUSAL_WORDS } from '@/lib/channels/oauth/callback-check';
import { finishAuthorisation } from '@/lib/channels/oauth/finish-authorisation';
import { OAUTH_PLATFORMS, type OAuthPlatform } from '@/lib/channels/oauth/oauth-settings';
import { platformRules } from '@/lib/platforms/rules';

export const metadata: Metadata = { title: 'Connecting a channel' };

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;

export default async function ChannelCallbackPage({
  params,
  searchParams,
}: {
  params: Promise<{ platform: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage('channel.manage');
  const { platform } = await params;
  if (!(OAUTH_PLATFORMS as readonly string[]).includes(platform)) notFound();
  const query = await searchParams;
  const outcome = await finishAuthorisation(actor, platform as OAuthPlatform, {
    state: first(query.state),
    code: first(query.code),
    error: first(query.error),
  });
  if (outcome.kind === 'pick') redirect(`/settings/channels/pick/${outcome.authorisationId}`);
  const back = (
    <LinkButton href="/settings" variant="default" style={{ alignSelf: 'flex-start' }}>
      Back to Settings
    </LinkButton>
  );
  if (outcome.kind === 'refused') {
    return (
      <>
        <PageHeader title="The channel was not connected" />
        <Stack gap="md" maw={640}>
          <Alert color="red" variant="light" title="Nothing was connected">
            {CALLBACK_REFUSAL_WORDS[outcome.reason]}
          </Alert>
          {back}
        </Stack>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Channel connected" />
      <Stack gap="md" maw={640}>
        {outcome.channels.map((channel) => (
          <Paper withBorder p="md" key={channel.id}>
            <Text fw={600} component="div">
              {channel.handle} on {platformRules[channel.platform].label}
            </Text>
            <Text size="sm">
              {channel.added ? 'Added and active.' : 'Reconnected and active.'}
              {channel.heldPosts > 0 &&
                ` ${channel.heldPosts === 1 ? 'One post on it is' : `${channel.heldPosts} posts on it are`} still held: release or reschedule them on the Schedule page.`}
            </Text>
          </Paper>
        ))}
        {back}
      </Stack>
    </>
  );
}
