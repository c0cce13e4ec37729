import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { findVisiblePost } from './change-post';
import { POST_VIEW_SELECT, toPostView, type PostWithAttempts } from './post-view';

/** One post with its publish attempts; another organisation's post is "not found". */
export async function getPost(actor: Actor, postId: string): Promise<PostWithAttempts> {
  await findVisiblePost(actor, postId);
  const row = await db.post.findUniqueOrThrow({
    where: { id: postId },
    select: { ...POST_VIEW_SELECT, attemptsLog: { orderBy: { number: 'asc' } } },
  });
  const { attemptsLog, ...post } = row;
  return {
    ...toPostView(post, actor),
    publishAttempts: attemptsLog.map((attempt) => ({
      number: attempt.number,
      startedAt: attempt.startedAt.toISOString(),
      finishedAt: attempt.finishedAt?.toISOString() ?? null,
      outcome: attempt.outcome,
      httpStatus: attempt.httpStatus,
      error: attempt.error,
    })),
  };
}
