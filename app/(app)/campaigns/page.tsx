import type { Metadata } from 'next';
import { NotYet } from '@/components/shell/not-yet';
import { PageHeader } from '@/components/shell/page-header';
import { requirePage } from '@/lib/auth/require-page';

export const metadata: Metadata = { title: 'Campaigns' };

export default async function CampaignsPage() {
  await requirePage('campaign.read');
  return (
    <>
      <PageHeader title="Campaigns" description="The campaign's shared messages and their approval." />
      <NotYet title="Coming in a later piece of work">This page is filled in by a later issue.</NotYet>
    </>
  );
}
