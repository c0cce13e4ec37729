// A webhook that has failed without a success for a day is disabled: its waiting deliveries are
// abandoned and `webhook.disabled` is recorded in the caller's transaction, so the outbox
// trigger has the dispatcher tell whoever registered it. Decided on failingSince (cleared by any
// success), at a failed delivery and by the sweep, since a webhook that hears one event a day
// runs out of retries (about 23 hours of backoff) before a second failure could decide it.
import type { Prisma } from '@/prisma/generated/client';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';
import { webhookHost } from './webhook-url';

/** After this long with nothing but failures, a webhook is disabled. */
export const DISABLE_AFTER_MS = 24 * 60 * 60 * 1000;

export const failingTooLong = (failingSince: Date | null, now: Date) =>
  failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;

/** Disables the webhook if it has failed for a day and is not disabled yet; whether it did. */
export async function disableIfFailingTooLong(
  tx: Prisma.TransactionClient,
  webhookId: string,
  now: Date,
  lastError: string | null,
): Promise<boolean> {
  const webhook = await tx.webhook.findUnique({
    where: { id: webhookId },
    select: {
      failingSince: true,
      disabledAt: true,
      createdById: true,
      organisationId: true,
      url: true,
    },
  });
  if (!webhook || webhook.disabledAt || !failingTooLong(webhook.failingSince, now)) return false;
  const reason =
    `Every delivery failed for a day (since ${webhook.failingSince!.toISOString()}); the last: ${lastError ?? 'no answer'}`.slice(
      0,
      500,
    );
  const disabled = await tx.webhook.updateMany({
    where: { id: webhookId, disabledAt: null },
    data: { disabledAt: now, disabledReason: reason },
  });
  // Disabled meanwhile by another worker: theirs is the audit event.
  if (disabled.count !== 1) return false;
  await tx.webhookDelivery.updateMany({
    where: { webhookId, status: { in: ['pending', 'failed'] } },
    data: { status: 'abandoned' },
  });
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: 'webhook.disabled',
    entityId: webhookId,
    organisationId: webhook.organisationId,
    after: { createdById: webhook.createdById, host: webhookHost(webhook.url), reason },
  });
  return true;
}
