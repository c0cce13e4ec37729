import type { Metadata } from 'next';
import { NotYet } from '@/components/shell/not-yet';
import { PageHeader } from '@/components/shell/page-header';
import { requirePage } from '@/lib/auth/require-page';

export const metadata: Metadata = { title: 'Reach' };

export default async function ReachPage() {
  await requirePage('reach.read');
  return (
    <>
      <PageHeader
        title="Reach"
        description="Reach per force, platform and message, beside help-seeking figures."
      />
      <NotYet title="Coming in a later piece of work">
        This page is filled in by a later issue.
      </NotYet>
    </>
  );
}
