// Which webhooks a person may see and manage: every one for administrators and campaign leads;
// their own force's for comms officers (never a region-wide one). The scope is in the query's
// where, and one outside it answers 404: its existence does not leak.
import type { Prisma } from '@/prisma/generated/client';
import { type Actor, organisationScope } from '../auth/permissions';
import { db } from '../db';
import { forbidden, notFound } from '../errors';

export const WEBHOOK_REFUSAL =
  'Only administrators, campaign leads and comms officers (for their own force) manage webhooks.';

export function visibleWebhooks(actor: Actor): Prisma.WebhookWhereInput {
  const scope = organisationScope(actor, 'webhook.manage');
  if (scope === 'all') return {};
  if (scope.length === 0) throw forbidden(WEBHOOK_REFUSAL);
  return { organisationId: { in: scope } };
}

/** The webhook, if the actor may manage it; otherwise not found. */
export async function findManagedWebhook<S extends Prisma.WebhookSelect>(
  actor: Actor,
  webhookId: string,
  select: S,
): Promise<Prisma.WebhookGetPayload<{ select: S }>> {
  const webhook = await db.webhook.findFirst({
    where: { id: webhookId, ...visibleWebhooks(actor) },
    select,
  });
  if (!webhook) throw notFound('That webhook');
  return webhook as Prisma.WebhookGetPayload<{ select: S }>;
}
