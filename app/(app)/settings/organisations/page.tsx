import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { Organisations } from '@/components/settings/organisations';
import { requirePage } from '@/lib/auth/require-page';
import { organisationsToManage } from '@/lib/organisations/manage-organisation';

export const metadata: Metadata = { title: 'Organisations' };

export default async function OrganisationsPage() {
  const actor = await requirePage('organisation.manage');
  const organisations = await organisationsToManage(actor);
  return (
    <>
      <PageHeader
        title="Organisations"
        description="The forces, regional units and partners taking part. A new one is in every list and picker at once, and forces and regional units are in every default fan-out. A deactivated one publishes nothing: its scheduled posts are held."
      />
      <Organisations organisations={organisations} />
    </>
  );
}
