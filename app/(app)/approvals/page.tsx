import type { Metadata } from 'next';
import { NotYet } from '@/components/shell/not-yet';
import { PageHeader } from '@/components/shell/page-header';
import { requirePage } from '@/lib/auth/require-page';

export const metadata: Metadata = { title: 'Approvals' };

export default async function ApprovalsPage() {
  await requirePage('message.approve');
  return (
    <>
      <PageHeader title="Approvals" description="Messages waiting for a second campaign lead to approve them." />
      <NotYet title="Approvals arrive with campaign messages">
        The four-eyes approval queue is built with the campaign messages work.
      </NotYet>
    </>
  );
}
