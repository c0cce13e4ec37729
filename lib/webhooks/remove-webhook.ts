// Removing a webhook: it and its delivery log go; the audit log keeps that it existed (by host).
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { notFound } from '../errors';
import { findManagedWebhook } from './webhook-access';
import { webhookHost } from './webhook-url';
import { toWebhookView, WEBHOOK_VIEW_SELECT, type WebhookView } from './webhook-view';

export async function removeWebhook(
  actor: Actor,
  audit: AuditActor,
  webhookId: string,
): Promise<WebhookView> {
  const webhook = await findManagedWebhook(actor, webhookId, WEBHOOK_VIEW_SELECT);
  await db.$transaction(async (tx) => {
    const removed = await tx.webhook.deleteMany({ where: { id: webhook.id } });
    // Removed meanwhile by someone else: theirs is the audit event.
    if (removed.count !== 1) throw notFound('That webhook');
    await recordAudit(tx, audit, {
      action: 'webhook.removed',
      entityId: webhook.id,
      organisationId: webhook.organisation?.id ?? null,
      before: { host: webhookHost(webhook.url), events: webhook.events },
    });
  });
  return toWebhookView(webhook);
}
