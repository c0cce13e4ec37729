import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { ApiTokens } from '@/components/settings/api-tokens';
import { OwnSessions } from '@/components/settings/own-sessions';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { listOwnSessions } from '@/lib/auth/own-sessions';
import { requireActor } from '@/lib/auth/session-actor';

export const metadata: Metadata = { title: 'Sessions and tokens' };

export default async function SecurityPage() {
  const actor = await requireActor();
  const [sessions, tokens] = await Promise.all([
    listOwnSessions(actor.userId, actor.via.kind === 'session' ? actor.via.sessionId : undefined),
    listApiTokens(actor.userId),
  ]);
  return (
    <>
      <PageHeader
        title="Sessions and tokens"
        description="Where you are signed in and the API tokens that act as you. Sign out a session or revoke a token you do not recognise: it stops working at once."
      />
      <Stack gap="lg">
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb={4}>
            Where you are signed in
          </Title>
          <Text size="sm" c="gray.7" mb="md">
            Each browser you have signed in with, newest use first.
          </Text>
          <OwnSessions
            sessions={sessions.map((session) => ({
              ...session,
              signedInAt: session.signedInAt.toISOString(),
              lastSeenAt: session.lastSeenAt.toISOString(),
              expiresAt: session.expiresAt.toISOString(),
            }))}
          />
        </Paper>
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb={4}>
            API tokens
          </Title>
          <Text size="sm" c="gray.7" mb="md">
            Personal tokens for the Signpost API. A token acts with your permissions and lasts 90
            days.
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
