import { z } from 'zod';
import { decodeCursor, type ListQuery, toPage } from '../api/pagination';
import { type Actor, can } from '../auth/permissions';
import { db } from '../db';
import { forbidden } from '../errors';
import { type CampaignListFilter, type CampaignView, toCampaignView } from './campaign-schemas';

const Cursor = z.object({ startsAt: z.iso.datetime(), id: z.string() });

/** Campaigns, the latest to start first, optionally only active or archived ones. */
export async function listCampaigns(
  actor: Actor,
  query: ListQuery & CampaignListFilter,
): Promise<{ items: CampaignView[]; nextCursor: string | null }> {
  if (!can(actor, 'campaign.read'))
    throw forbidden('Your account has no role that can see campaigns.');
  const after = decodeCursor(query.cursor, Cursor);
  const afterStart = after ? new Date(after.startsAt) : undefined;
  const rows = await db.campaign.findMany({
    where: {
      ...(query.status ? { status: query.status } : {}),
      ...(after && afterStart
        ? { OR: [{ startsAt: { lt: afterStart } }, { startsAt: afterStart, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  return toPage(rows.map(toCampaignView), query.limit, (campaign) => ({
    startsAt: campaign.startsAt,
    id: campaign.id,
  }));
}
