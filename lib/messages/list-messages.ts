import { z } from 'zod';
import { decodeCursor, type ListQuery, toPage } from '../api/pagination';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { messageSearch } from '../search/search-where';
import { readableMessages } from './message-access';
import { messageInclude, toMessageView } from './message-records';
import type { MessageListFilter, MessageView } from './message-schemas';

const Cursor = z.object({ createdAt: z.iso.datetime(), id: z.string() });

/**
 * The messages the actor may see, newest first, optionally of one campaign,
 * status or theme, or with these words (`q`) in their title, body or overrides. Partners get only approved, shareable messages, whatever they filter by.
 */
export async function listMessages(
  actor: Actor,
  query: ListQuery & MessageListFilter,
): Promise<{ items: MessageView[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, Cursor);
  const afterAt = after ? new Date(after.createdAt) : undefined;
  const rows = await db.message.findMany({
    where: {
      AND: [
        readableMessages(actor),
        {
          ...(query.campaignId ? { campaignId: query.campaignId } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.theme ? { theme: query.theme } : {}),
        },
        messageSearch(query.q),
        after && afterAt
          ? { OR: [{ createdAt: { lt: afterAt } }, { createdAt: afterAt, id: { lt: after.id } }] }
          : {},
      ],
    },
    include: messageInclude,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  return toPage(rows.map(toMessageView), query.limit, (message) => ({
    createdAt: message.createdAt,
    id: message.id,
  }));
}
