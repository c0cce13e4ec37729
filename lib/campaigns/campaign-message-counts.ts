// How many messages each campaign has in each state, for the campaigns list. Counted with the
// same visibility as the messages themselves, so a partner's counts are of what they can open.
import { type Actor, can } from '../auth/permissions';
import { db } from '../db';
import { forbidden } from '../errors';
import { readableMessages } from '../messages/message-access';
import { MESSAGE_STATUSES, type MessageStatus } from '../messages/message-schemas';

export type MessageCounts = Record<MessageStatus, number>;

export const noMessages = (): MessageCounts =>
  Object.fromEntries(MESSAGE_STATUSES.map((status) => [status, 0])) as MessageCounts;

/** Counts by campaign id; a campaign without messages is absent (use `noMessages()`). */
export async function countMessagesByCampaign(
  actor: Actor,
): Promise<Record<string, MessageCounts>> {
  if (!can(actor, 'campaign.read'))
    throw forbidden('Your account has no role that can see campaigns.');
  const groups = await db.message.groupBy({
    by: ['campaignId', 'status'],
    where: readableMessages(actor),
    _count: { _all: true },
  });
  const counts: Record<string, MessageCounts> = {};
  for (const group of groups) {
    const campaign = (counts[group.campaignId] ??= noMessages());
    campaign[group.status] = group._count._all;
  }
  return counts;
}
