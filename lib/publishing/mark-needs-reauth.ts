// A channel the platform refused (401/403) needs a person to connect the account again. Publishing
// and polling both come here, so the channel is marked one way whoever found out: its status and
// reason (the Schedule page and Settings show them), its scheduled posts held until someone
// reconnects and releases them, and one audit event.
import type { Prisma } from '@/prisma/generated/client';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';
import { platformRules } from '../platforms/rules';
import type { Platform } from '../platforms/types';
import { mustMove } from '../posts/state-machine';

export interface RefusedChannel {
  id: string;
  organisationId: string;
  platform: Platform;
  handle: string;
  status: 'active' | 'needs_reauth' | 'disabled';
}

/** The held reason a person reads on each post of the channel. */
export const needsReauthReason = (
  channel: Pick<RefusedChannel, 'platform' | 'handle'>,
  message: string,
) =>
  `The ${platformRules[channel.platform].label} account ${channel.handle} needs re-authorising: ${message}`;

/**
 * Marks the channel, holds its scheduled posts and audits it, inside the caller's transaction.
 * `postsHeldBeside` counts posts the caller held itself (publishing's own post) for the audit.
 * Returns how many scheduled posts were held here.
 */
export async function markNeedsReauth(
  tx: Prisma.TransactionClient,
  channel: RefusedChannel,
  message: string,
  options: { postsHeldBeside?: number } = {},
): Promise<number> {
  await tx.channel.update({
    where: { id: channel.id },
    data: { status: 'needs_reauth', statusReason: message },
  });
  const held = await tx.post.updateMany({
    where: { channelId: channel.id, status: 'scheduled' },
    data: {
      status: mustMove('scheduled', 'hold'),
      heldReason: needsReauthReason(channel, message),
      revision: { increment: 1 },
    },
  });
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: 'channel.needs_reauth',
    entityId: channel.id,
    organisationId: channel.organisationId,
    before: { status: channel.status },
    after: {
      status: 'needs_reauth',
      reason: message,
      postsHeld: held.count + (options.postsHeldBeside ?? 0),
    },
  });
  return held.count;
}
