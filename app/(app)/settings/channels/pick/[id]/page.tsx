// After Facebook Login: the person picks which of their Pages (and the Pages' Instagram accounts)
// become channels of the organisation they started from.
import { Alert, Paper, Stack } from '@mantine/core';
import type { Metadata } from 'next';
import { LinkButton } from '@/components/link-button';
import { PickAccountsForm } from '@/components/settings/pick-accounts';
import { PageHeader } from '@/components/shell/page-header';
import { requirePage } from '@/lib/auth/require-page';
import { listOffered } from '@/lib/channels/oauth/pick-accounts';
import { AppError } from '@/lib/errors';
import { platformRules } from '@/lib/platforms/rules';

export const metadata: Metadata = { title: 'Choose the accounts to connect' };

export default async function PickAccountsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('channel.manage');
  const { id } = await params;
  const offer = await listOffered(actor, id).catch((error: unknown) => {
    if (error instanceof AppError) return error;
    throw error;
  });
  if (offer instanceof AppError) {
    return (
      <>
        <PageHeader title="Choose the accounts to connect" />
        <Stack gap="md" maw={640}>
          <Alert color="red" variant="light" title="Nothing to choose from">
            {offer.message}
          </Alert>
          <LinkButton href="/settings" variant="default" style={{ alignSelf: 'flex-start' }}>
            Back to Settings
          </LinkButton>
        </Stack>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Choose the accounts to connect"
        description={`Facebook lets Signpost publish to these Pages and the Instagram accounts linked to them. Those you choose become channels of ${offer.organisation}.`}
      />
      <Paper withBorder p="lg" maw={720}>
        <PickAccountsForm
          authorisationId={id}
          choices={offer.choices.map((choice) => ({
            ...choice,
            platformLabel: platformRules[choice.platform].label,
          }))}
        />
      </Paper>
    </>
  );
}
