import { Alert } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LinkAnchor } from '@/components/link-button';
import { Composer } from '@/components/messages/composer/composer';
import { PageHeader } from '@/components/shell/page-header';
import { requirePage } from '@/lib/auth/require-page';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { AppError } from '@/lib/errors';
import { previewContext } from '../../../../messages/message-preview-context';

export const metadata: Metadata = { title: 'New message' };

export default async function NewMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('message.create');
  const { id } = await params;
  const campaign = await getCampaign(actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const header = (
    <PageHeader
      title="New message"
      description={
        <>
          For{' '}
          <LinkAnchor href={`/campaigns/${campaign.id}`} size="sm">
            {campaign.name}
          </LinkAnchor>
          . Write it once; each force and partner publishes it with its own name and area and the
          current helpline signpost. A second campaign lead approves it before anyone can schedule
          it.
        </>
      }
    />
  );
  if (campaign.status === 'archived') {
    return (
      <>
        {header}
        <Alert color="gray" variant="light" title="This campaign is archived">
          Messages can no longer be written for it. Choose a running campaign instead.
        </Alert>
      </>
    );
  }
  const { organisationNames: _names, ...context } = await previewContext(actor);
  return (
    <>
      {header}
      <Composer campaign={campaign} images={[]} {...context} />
    </>
  );
}
