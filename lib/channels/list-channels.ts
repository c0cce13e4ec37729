import { z } from 'zod';
import { decodeCursor, type ListQuery, toPage } from '../api/pagination';
import { type Actor, organisationScope } from '../auth/permissions';
import { db } from '../db';
import { Platform } from '../platforms/types';

export const ChannelSummary = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    platform: Platform,
    handle: z.string(),
    status: z.enum(['active', 'needs_reauth', 'disabled']),
    /** What the account carries (issue 13): English, Welsh, or both in one post. */
    language: z.enum(['en', 'cy', 'bilingual']),
    /** Why the channel is not active (the platform's refusal), or null. */
    statusReason: z.string().nullable(),
    organisation: z.object({ slug: z.string(), name: z.string() }),
  })
  .meta({ id: 'Channel' });
export type ChannelSummary = z.infer<typeof ChannelSummary>;

export const ChannelListQuery = z.object({ organisation: z.string().max(100).optional() });

const Cursor = z.object({ id: z.string() });

/** The channels the actor may see, optionally of one organisation (by slug). */
export async function listChannels(
  actor: Actor,
  query: ListQuery & z.infer<typeof ChannelListQuery>,
) {
  const scope = organisationScope(actor, 'channel.read');
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await db.channel.findMany({
    where: {
      ...(scope === 'all' ? {} : { organisationId: { in: scope } }),
      ...(query.organisation ? { organisation: { slug: query.organisation } } : {}),
      ...(after ? { id: { gt: after.id } } : {}),
    },
    orderBy: { id: 'asc' },
    take: query.limit + 1,
    select: {
      id: true,
      organisationId: true,
      platform: true,
      handle: true,
      status: true,
      language: true,
      statusReason: true,
      organisation: { select: { slug: true, name: true } },
    },
  });
  return toPage(rows, query.limit, (row) => ({ id: row.id }));
}
