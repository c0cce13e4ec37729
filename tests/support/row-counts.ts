// How many rows the tables of campaigns, messages and the audit log hold: a refused request must
// leave every one of them as it was.
import { db } from '@/lib/db';

export interface RowCounts {
  campaigns: number;
  messages: number;
  messageMedia: number;
  comments: number;
  signpostVersions: number;
  auditEvents: number;
}

export async function rowCounts(): Promise<RowCounts> {
  const [campaigns, messages, messageMedia, comments, signpostVersions, auditEvents] =
    await Promise.all([
      db.campaign.count(),
      db.message.count(),
      db.messageMedia.count(),
      db.messageComment.count(),
      db.signpostVersion.count(),
      db.auditEvent.count(),
    ]);
  return { campaigns, messages, messageMedia, comments, signpostVersions, auditEvents };
}

/** The audit events of one entity, oldest first. */
export function auditOf(entityId: string) {
  return db.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' } });
}
