import { Anchor, Badge, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { NotYet } from '@/components/shell/not-yet';
import { PageHeader } from '@/components/shell/page-header';
import { formatDateTime } from '@/components/format';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { activeMembership, requireActor } from '@/lib/auth/session-actor';
import { currentSignpost } from '@/lib/signpost/signpost-store';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requireActor();
  const [active, signpost] = await Promise.all([activeMembership(actor), currentSignpost()]);
  const firstName = actor.user.name.split(' ')[0];
  return (
    <>
      <PageHeader
        title={`Hello, ${firstName}`}
        description={
          active
            ? `You are acting for ${active.organisation.name} as ${ROLE_LABELS[active.role].toLowerCase()}.`
            : 'You do not belong to an organisation yet. Ask an administrator to add you.'
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              The signpost on every post
            </Title>
            <Badge variant="light">Version {signpost.version}</Badge>
          </Group>
          <Stack gap={4}>
            <Text fw={600}>{signpost.helplineName}</Text>
            <Text size="sm">
              Phone: <Code>{signpost.phone}</Code> — confidential and anonymous
            </Text>
            <Text size="sm">
              Website: <Anchor href={signpost.url}>{signpost.url}</Anchor>
            </Text>
            <Text size="xs" c="dimmed">
              Set {formatDateTime(signpost.createdAt)}. Every post not yet published uses the current version.
            </Text>
          </Stack>
        </Paper>
        <NotYet title="Today’s posts">
          Posts due today on your channels, with anything held or failed, arrive with scheduling and publishing.
        </NotYet>
        <NotYet title="Waiting for approval">Messages in review arrive with campaign messages.</NotYet>
        <NotYet title="Reach this week">Reach and help-seeking figures arrive with reach reporting.</NotYet>
      </SimpleGrid>
    </>
  );
}
