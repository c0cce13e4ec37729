// The campaign's reach in each help-seeking area and period, to stand beside the outcome figures:
// each organisation's posts count in its own area (a force's area is its county), and every post
// counts in the region's. Scoped as the rest of the Reach page.
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { REGION } from '../outcomes/areas';
import { addReported } from './figures';
import { reachView } from './reach-query';

export interface AreaReach {
  posts: number;
  views: number | null;
  engagements: number | null;
}

interface Period {
  from: string;
  to: string;
}

const NONE: AreaReach = { posts: 0, views: null, engagements: null };

const add = (a: AreaReach, b: AreaReach): AreaReach => ({
  posts: a.posts + b.posts,
  views: addReported(a.views, b.views),
  engagements: addReported(a.engagements, b.engagements),
});

async function byArea(
  actor: Actor,
  campaignId: string | null,
  period: Period,
  areaOf: Map<string, string>,
) {
  const view = await reachView(actor, {
    ...(campaignId ? { campaignId } : {}),
    from: period.from,
    to: period.to,
    groupBy: 'organisation',
  });
  const areas = new Map<string, AreaReach>();
  for (const row of view.rows) {
    const area = areaOf.get(row.key);
    if (area && area !== REGION) areas.set(area, add(areas.get(area) ?? NONE, row));
  }
  areas.set(REGION, add(NONE, view.totals));
  return areas;
}

export async function reachByArea(
  actor: Actor,
  campaignId: string | null,
  periods: { before: Period; during: Period },
): Promise<Record<string, { before: AreaReach; during: AreaReach }>> {
  const organisations = await db.organisation.findMany({ select: { id: true, area: true } });
  const areaOf = new Map(organisations.map((organisation) => [organisation.id, organisation.area]));
  const [before, during] = await Promise.all([
    byArea(actor, campaignId, periods.before, areaOf),
    byArea(actor, campaignId, periods.during, areaOf),
  ]);
  const result: Record<string, { before: AreaReach; during: AreaReach }> = {};
  for (const area of new Set([...before.keys(), ...during.keys()])) {
    result[area] = { before: before.get(area) ?? NONE, during: during.get(area) ?? NONE };
  }
  return result;
}
