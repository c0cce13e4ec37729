// The dashboard's reach summary: the last 28 days of the newest active campaign against the 28
// before, in the person's own scope (as the Reach page would show them).
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { dayOf } from '../scheduling/london-time';
import { presetRange, previousPeriod, rangeLabel } from './reach-period';
import { reachTotals, type ReachTotals } from './reach-query';

export interface ReachSummary {
  campaignName: string;
  periodLabel: string;
  previousLabel: string;
  totals: ReachTotals;
  previous: ReachTotals;
}

export async function reachSummary(actor: Actor, now: Date): Promise<ReachSummary | null> {
  const campaign = await db.campaign.findFirst({
    where: { status: 'active' },
    orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true },
  });
  if (!campaign) return null;
  const range = presetRange('28d', dayOf(now), null);
  const previous = previousPeriod(range);
  const [totals, before] = await Promise.all([
    reachTotals(actor, { campaignId: campaign.id, ...range }),
    reachTotals(actor, { campaignId: campaign.id, ...previous }),
  ]);
  return {
    campaignName: campaign.name,
    periodLabel: rangeLabel(range),
    previousLabel: rangeLabel(previous),
    totals,
    previous: before,
  };
}
