// Whether a time falls in one of the organisation's blackouts, in words: the check a schedule
// request, a reschedule and an import all make ahead of the worker, which makes it again when the
// post falls due. Pauses are left out: a post scheduled during a pause is accepted and held when
// its time comes, as the pause's owner expects.
import { db } from '../db';
import { type BlackoutFacts, holdReason, type PostFacts } from '../scheduling/holds';
import { formatLocal } from '../scheduling/london-time';

export function blackoutProblem(
  blackouts: readonly BlackoutFacts[],
  post: PostFacts,
  now: Date,
): string | null {
  const blackout = holdReason({ pauses: [], blackouts, post, now });
  if (!blackout) return null;
  const until = blackout.until ? ` until ${formatLocal(blackout.until)}` : '';
  return `${formatLocal(post.scheduledAt)} falls in a blackout (${blackout.reason})${until}.`;
}

/** The blackouts not yet over of these organisations. */
export function blackoutsOf(organisationIds: readonly string[], now: Date) {
  return db.blackout.findMany({
    where: { organisationId: { in: [...new Set(organisationIds)] }, endsAt: { gt: now } },
  });
}
