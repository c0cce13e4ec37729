// A post as the API and the Schedule page show it.
import { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import type { Actor } from '../auth/permissions';
import { Platform } from '../platforms/types';
import { PostAction, postActions } from './post-actions';
import { PostStatus } from './state-machine';

export const PostView = z
  .object({
    id: z.string(),
    messageId: z.string(),
    messageTitle: z.string(),
    campaignId: z.string(),
    channelId: z.string(),
    channel: z.object({
      handle: z.string(),
      status: z.enum(['active', 'needs_reauth', 'disabled']),
    }),
    organisationId: z.string(),
    organisation: z.object({ slug: z.string(), name: z.string() }),
    platform: Platform,
    /** What the post carries (issue 13): English, Welsh, or both (Welsh first). */
    language: z.enum(['en', 'cy', 'bilingual']),
    /** The id its Welsh and English twins share, which go out together; null without a twin. */
    pairId: z.string().nullable(),
    scheduledAt: z.iso.datetime(),
    status: PostStatus,
    text: z.string(),
    signpostVersion: z.number().int(),
    externalId: z.string().nullable(),
    externalUrl: z.string().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    heldReason: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    /** What the caller may do to the post now (lib/posts/post-actions.ts). */
    actions: z.array(PostAction),
  })
  .meta({ id: 'Post' });
export type PostView = z.infer<typeof PostView>;

export const PostAttemptView = z.object({
  number: z.number().int(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  outcome: z
    .enum(['published', 'transient', 'auth', 'permanent', 'unknown', 'found_existing'])
    .nullable(),
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
});

export const PostWithAttempts = PostView.extend({ publishAttempts: z.array(PostAttemptView) }).meta(
  { id: 'PostWithAttempts' },
);
export type PostWithAttempts = z.infer<typeof PostWithAttempts>;

export const POST_VIEW_SELECT = {
  id: true,
  messageId: true,
  campaignId: true,
  channelId: true,
  organisationId: true,
  platform: true,
  language: true,
  pairId: true,
  scheduledAt: true,
  status: true,
  text: true,
  signpostVersion: true,
  externalId: true,
  externalUrl: true,
  attempts: true,
  lastError: true,
  heldReason: true,
  nextAttemptAt: true,
  publishedAt: true,
  message: { select: { title: true } },
  channel: { select: { handle: true, status: true } },
  organisation: { select: { slug: true, name: true } },
} satisfies Prisma.PostSelect;

type PostRow = Prisma.PostGetPayload<{ select: typeof POST_VIEW_SELECT }>;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The post as `actor` sees it, with the actions they may take on it. */
export function toPostView(row: PostRow, actor: Actor): PostView {
  const { message, scheduledAt, nextAttemptAt, publishedAt, ...rest } = row;
  return {
    ...rest,
    messageTitle: message.title,
    scheduledAt: scheduledAt.toISOString(),
    nextAttemptAt: iso(nextAttemptAt),
    publishedAt: iso(publishedAt),
    actions: postActions(actor, row),
  };
}
