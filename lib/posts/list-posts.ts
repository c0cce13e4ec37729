// The posts a person may see, filtered as the Schedule page and GET /posts filter them, in time
// order (soonest first, or with order=desc newest first, as the Published tab lists them), paged
// by (scheduledAt, id).
import { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { decodeCursor, ListQuery, toPage } from '../api/pagination';
import { organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { Platform } from '../platforms/types';
import { SearchQuery } from '../search/search-terms';
import { postSearch } from '../search/search-where';
import { POST_VIEW_SELECT, toPostView } from './post-view';
import { PostStatus } from './state-machine';

const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

export const PostListQuery = ListQuery.extend({
  campaignId: z.string().max(64).optional(),
  messageId: z.string().max(64).optional(),
  organisation: z.string().max(100).optional().meta({ description: 'organisation slug' }),
  channelId: z.string().max(64).optional(),
  platform: commaList(Platform).optional(),
  status: commaList(PostStatus).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: SearchQuery.optional(),
  order: z.enum(['asc', 'desc']).default('asc').meta({
    description: 'by scheduled time: asc (soonest first, the default) or desc (latest first)',
  }),
});
export type PostListQuery = z.infer<typeof PostListQuery>;

// The order is part of the cursor: a page of one order cannot continue a list in the other.
const Cursor = z.object({
  at: z.string(),
  id: z.string(),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export type PostFilters = Pick<
  PostListQuery,
  | 'campaignId'
  | 'messageId'
  | 'organisation'
  | 'channelId'
  | 'platform'
  | 'status'
  | 'from'
  | 'to'
  | 'q'
>;

/** The filters of the list (and the calendar), within what the actor may see. */
export async function postFilters(
  scope: ReturnType<typeof organisationScope>,
  query: PostFilters,
): Promise<Prisma.PostWhereInput[]> {
  return [
    scope === 'all' ? {} : { organisationId: { in: scope } },
    query.campaignId ? { campaignId: query.campaignId } : {},
    query.messageId ? { messageId: query.messageId } : {},
    query.organisation ? { organisation: { slug: query.organisation } } : {},
    query.channelId ? { channelId: query.channelId } : {},
    query.platform?.length ? { platform: { in: query.platform } } : {},
    query.status?.length ? { status: { in: query.status } } : {},
    query.from ? { scheduledAt: { gte: new Date(query.from) } } : {},
    query.to ? { scheduledAt: { lt: new Date(query.to) } } : {},
    await postSearch(query.q),
  ];
}

export async function listPosts(actor: Actor, query: PostListQuery) {
  const scope = organisationScope(actor, 'post.read');
  const after = decodeCursor(query.cursor, Cursor);
  if (after && after.order !== query.order)
    throw new AppError('validation_failed', 'The cursor belongs to the list in the other order.', {
      cursor: 'is from a list in the other order',
    });
  const beyond = query.order === 'asc' ? 'gt' : 'lt';
  if (query.from && query.to && query.from > query.to) {
    throw new AppError('validation_failed', '"from" is after "to".', { from: 'must be before to' });
  }
  const where: Prisma.PostWhereInput = {
    AND: [
      ...(await postFilters(scope, query)),
      after
        ? {
            OR: [
              { scheduledAt: { [beyond]: new Date(after.at) } },
              { scheduledAt: new Date(after.at), id: { [beyond]: after.id } },
            ],
          }
        : {},
    ],
  };
  const rows = await db.post.findMany({
    where,
    select: POST_VIEW_SELECT,
    orderBy: [{ scheduledAt: query.order }, { id: query.order }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => ({
    at: row.scheduledAt.toISOString(),
    id: row.id,
    order: query.order,
  }));
  return { items: page.items.map((row) => toPostView(row, actor)), nextCursor: page.nextCursor };
}
