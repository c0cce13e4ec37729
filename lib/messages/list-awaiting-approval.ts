// The Approvals queue: messages in review that the actor may approve — never their own — oldest
// submission first, so nothing waits longest by accident. With each message's campaign.
import { roleGrants, type Actor } from '../auth/permissions';
import { db } from '../db';
import { forbidden } from '../errors';
import { messageInclude, toMessageView } from './message-records';
import type { MessageView } from './message-schemas';

export interface AwaitingApproval {
  message: MessageView;
  campaign: { id: string; name: string; slug: string };
}

/** In review, and not the actor's own: four eyes. */
const awaitingFor = (actor: Actor) => ({
  status: 'in_review' as const,
  authorId: { not: actor.userId },
});

/** How many messages wait for this person's approval; null when they may not approve. */
export async function countAwaitingApproval(actor: Actor): Promise<number | null> {
  if (!roleGrants(actor, 'message.approve', null)) return null;
  return db.message.count({ where: awaitingFor(actor) });
}

export async function listAwaitingApproval(actor: Actor, limit = 100): Promise<AwaitingApproval[]> {
  if (!roleGrants(actor, 'message.approve', null))
    throw forbidden('Only campaign leads can approve messages.');
  const rows = await db.message.findMany({
    where: awaitingFor(actor),
    include: { ...messageInclude, campaign: { select: { id: true, name: true, slug: true } } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  return rows.map(({ campaign, ...row }) => ({ message: toMessageView(row), campaign }));
}
