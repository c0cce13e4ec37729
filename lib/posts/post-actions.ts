// What a person may do to a post now: the state machine's moves from the post's status that
// their role lets them take on its organisation. Decided here once; the API returns it with every
// post (`actions`) and the Schedule page's menus render it, never re-deriving the rule.
import { z } from 'zod';
import { can, type Actor } from '../auth/permissions';
import { type PostEvent, type PostStatus, transition } from './state-machine';

export const POST_ACTIONS = ['reschedule', 'release', 'retry', 'cancel'] as const;
export const PostAction = z.enum(POST_ACTIONS);
export type PostAction = z.infer<typeof PostAction>;

/** The state machine's event behind each action a person can take. */
const EVENT: Record<PostAction, PostEvent> = {
  reschedule: 'reschedule',
  release: 'release',
  retry: 'retry',
  cancel: 'cancel',
};

export function postActions(
  actor: Actor,
  post: { status: PostStatus; organisationId: string },
): PostAction[] {
  if (!can(actor, 'post.manage', { organisationId: post.organisationId })) return [];
  return POST_ACTIONS.filter((action) => transition(post.status, EVENT[action]).ok);
}
