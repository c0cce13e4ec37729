import type { Metadata } from 'next';
import { NotYet } from '@/components/shell/not-yet';
import { PageHeader } from '@/components/shell/page-header';
import { requirePage } from '@/lib/auth/require-page';

export const metadata: Metadata = { title: 'Schedule' };

export default async function SchedulePage() {
  await requirePage('post.read');
  return (
    <>
      <PageHeader title="Schedule" description="Posts on your channels: scheduled, published, held and failed." />
      <NotYet title="Coming in a later piece of work">This page is filled in by a later issue.</NotYet>
    </>
  );
}
