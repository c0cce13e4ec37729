import type { AuditActor } from '../audit/record-audit';
import type { Actor } from '../auth/permissions';
import { changePost } from './change-post';

/** A person retries a failed post now: it goes back to scheduled, due at once. */
export function retryPost(actor: Actor, audit: AuditActor, postId: string, now = new Date()) {
  return changePost(
    actor,
    audit,
    postId,
    {
      event: 'retry',
      action: 'post.retried',
      data: () => ({ nextAttemptAt: now, lastError: null }),
      dueAt: () => now,
    },
    now,
  );
}
