import type { Metadata } from 'next';
import { NotYet } from '@/components/shell/not-yet';
import { PageHeader } from '@/components/shell/page-header';
import { requirePage } from '@/lib/auth/require-page';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditlogPage() {
  await requirePage('audit.read');
  return (
    <>
      <PageHeader title="Audit log" description="Every change of state and every edit: who, what, when, before and after." />
      <NotYet title="Coming in a later piece of work">This page is filled in by a later issue.</NotYet>
    </>
  );
}
