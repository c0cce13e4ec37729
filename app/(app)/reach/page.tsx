import type { Metadata } from 'next';
import { OutcomesPanel } from '@/components/reach/outcomes-panel';
import { PageHeader } from '@/components/shell/page-header';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { compareOutcomes } from '@/lib/outcomes/compare-outcomes';
import { CAMPAIGN_COMPARISON, PeriodText } from '@/lib/outcomes/periods';

export const metadata: Metadata = { title: 'Reach' };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** A period from the address, or the campaign's published one when it is missing or not a period. */
function periodFrom(value: string | string[] | undefined, fallback: { from: string; to: string }) {
  const parsed = PeriodText.safeParse(value);
  return parsed.success ? parsed.data : { ...fallback };
}

export default async function ReachPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePage('reach.read');
  const search = await searchParams;
  const comparison = await compareOutcomes({
    before: periodFrom(search.before, CAMPAIGN_COMPARISON.before),
    during: periodFrom(search.during, CAMPAIGN_COMPARISON.during),
  });
  return (
    <>
      <PageHeader
        title="Reach"
        description="Reach per force, platform and message, beside help-seeking figures."
      />
      <OutcomesPanel comparison={comparison} mayImport={can(actor, 'outcome.manage')} />
    </>
  );
}
