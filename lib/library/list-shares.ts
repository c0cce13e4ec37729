// What an organisation has shared outside Signpost, newest first: the partner's "Shared" page.
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import type { Platform } from '../platforms/types';
import { libraryOrganisation } from './library-organisation';

export interface SharedRow {
  id: string;
  messageId: string;
  title: string;
  platform: Platform;
  url: string | null;
  by: string;
  createdAt: string;
}

export async function listShares(actor: Actor, slug: string, limit = 200): Promise<SharedRow[]> {
  const organisation = await libraryOrganisation(actor, slug);
  const rows = await db.share.findMany({
    where: { organisationId: organisation.id },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: {
      id: true,
      platform: true,
      url: true,
      createdAt: true,
      message: { select: { id: true, title: true } },
      createdBy: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    messageId: row.message.id,
    title: row.message.title,
    platform: row.platform,
    url: row.url,
    by: row.createdBy.name,
    createdAt: row.createdAt.toISOString(),
  }));
}
