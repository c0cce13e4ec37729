// Who may see which messages, in the data layer as well as in `can`: partners see only approved,
// shareable messages, and anything else answers 404, so its existence does not leak.
import type { Prisma } from '@/prisma/generated/client';
import {
  type Actor,
  type Action,
  can,
  type MessageFacts as AccessFacts,
  PARTNER_MESSAGES,
  ROLES,
  roleGrants,
} from '../auth/permissions';
import { forbidden, notFound } from '../errors';

/** The `where` that limits a message query to what the actor may read. */
export function readableMessages(actor: Actor): Prisma.MessageWhereInput {
  const roles = actor.memberships
    .map((membership) => membership.role)
    .filter((role) => ROLES.includes(role));
  if (roles.length === 0) return { id: { in: [] } };
  // A partner who also holds another role (a council officer seconded to a force) sees what that
  // role sees.
  if (roles.every((role) => role === 'partner')) return { ...PARTNER_MESSAGES };
  return {};
}

/**
 * The states of message the actor can ever see, for what a page offers (the message table's
 * tabs): a partner sees approved messages only, so "In review" and "Drafts" are not for them.
 */
export function visibleMessageStatuses(
  actor: Actor,
): ('approved' | 'in_review' | 'draft' | 'archived')[] {
  const where = readableMessages(actor);
  if ('status' in where && where.status === PARTNER_MESSAGES.status) return ['approved'];
  if ('id' in where) return [];
  return ['approved', 'in_review', 'draft', 'archived'];
}

interface MessageFacts extends AccessFacts {
  authorId: string;
}

/** 404 unless the actor may read the message. */
export function assertReadable(
  actor: Actor,
  message: MessageFacts | null,
): asserts message is MessageFacts {
  if (!message || !can(actor, 'message.read', { message })) {
    throw notFound('Message');
  }
}

/** 403 unless the actor's role allows the action on messages at all, in plain words. */
export function assertRoleAllows(actor: Actor, action: Action, refusal: string): void {
  if (!roleGrants(actor, action, null)) throw forbidden(refusal);
}
