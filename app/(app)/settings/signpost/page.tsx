import { Stack } from '@mantine/core';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { SignpostForm } from '@/components/signpost/signpost-form';
import { SignpostHistory } from '@/components/signpost/signpost-history';
import { SignpostSummary } from '@/components/signpost/signpost-summary';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { listSignpostHistory } from '@/lib/signpost/signpost-history';
import { currentSignpost } from '@/lib/signpost/signpost-store';
import { previewContext } from '../../messages/message-preview-context';

export const metadata: Metadata = { title: 'Signpost' };

export default async function SignpostPage() {
  const actor = await requirePage('signpost.read');
  const [current, history, context] = await Promise.all([
    currentSignpost(),
    listSignpostHistory(actor, { limit: 50 }),
    previewContext(actor),
  ]);
  const mayEdit = can(actor, 'signpost.update');
  return (
    <>
      <PageHeader
        title="Helpline signpost"
        description="The helpline details every post carries, worded for each platform. A change makes a new version; posts not yet published carry the newest."
      />
      <Stack gap="lg">
        <SignpostSummary signpost={current} withWording={!mayEdit} />
        {mayEdit && (
          // Keyed by version, so a saved version starts the form afresh from what is now current.
          <SignpostForm
            key={current.version}
            current={current}
            organisations={context.organisations}
            defaultOrganisation={context.defaultOrganisation}
          />
        )}
        <SignpostHistory entries={history.items} />
      </Stack>
    </>
  );
}
