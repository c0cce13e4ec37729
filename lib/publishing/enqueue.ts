// Posts reach the queue only after their transaction commits: one delayed job per post and
// revision. If Redis is unreachable the posts are still safe in the database, and the
// reconciler enqueues them within a minute.
import { log } from '../log';
import { JOB_NAMES, PUBLISH_JOB_DEFAULTS, publishJobId } from '../queue/jobs';
import { queue } from '../queue/queues';
import { QUEUES } from '../queue/jobs';

export interface DuePost {
  id: string;
  revision: number;
  channelId: string;
  /** When the job should run: the post's time, or its next attempt after a failure. */
  dueAt: Date;
}

export async function enqueuePosts(posts: readonly DuePost[], now = new Date()): Promise<boolean> {
  if (posts.length === 0) return true;
  try {
    await queue(QUEUES.publish).addBulk(
      posts.map((post) => {
        const job = { postId: post.id, revision: post.revision, channelId: post.channelId };
        return {
          name: JOB_NAMES.publishPost,
          data: job,
          opts: {
            ...PUBLISH_JOB_DEFAULTS,
            jobId: publishJobId(job),
            delay: Math.max(0, post.dueAt.getTime() - now.getTime()),
          },
        };
      }),
    );
    return true;
  } catch (error) {
    log.warn({ err: error, posts: posts.length }, 'could not enqueue posts; the reconciler will');
    return false;
  }
}

/** Best effort: a job for an old revision is dropped by the worker anyway. */
export async function removePublishJob(postId: string, revision: number): Promise<void> {
  try {
    await queue(QUEUES.publish).remove(publishJobId({ postId, revision }));
  } catch (error) {
    log.debug({ err: error, postId, revision }, 'could not remove an old publish job');
  }
}
