import type { AuditActor } from '../audit/record-audit';
import type { Actor } from '../auth/permissions';
import { changePost } from './change-post';

/** Cancels a scheduled, held or failed post; a published one cannot be (409). */
export function cancelPost(actor: Actor, audit: AuditActor, postId: string) {
  return changePost(actor, audit, postId, {
    event: 'cancel',
    action: 'post.cancelled',
    data: () => ({ nextAttemptAt: null }),
  });
}
