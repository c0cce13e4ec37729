// Sends one delivery (the deliver-webhook job on QUEUES.webhooks): signed at send time, so the
// timestamp is fresh on every retry. A 2xx is delivered and clears the webhook's failingSince;
// anything else is failed and thrown, so BullMQ retries with WEBHOOK_JOB_DEFAULTS' backoff (out of
// attempts: abandoned). A webhook that has failed without a success for a day is disabled, its
// waiting deliveries abandoned, and `webhook.disabled` recorded in the same transaction: the
// outbox trigger then has the dispatcher tell whoever registered it.
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';
import { db } from '../db';
import { env, type Env } from '../env';
import type { DeliverWebhookJob } from '../queue/jobs';
import { sendDelivery, type SendResult } from './send-delivery';
import { signatureHeader } from './signature';
import { openWebhookSecret } from './webhook-secret';
import { webhookHost } from './webhook-url';
import type { DeliveryStatus } from './webhook-view';

export interface DeliverContext {
  now: () => Date;
  /** BullMQ's attempt number of this job, from 1. */
  attempt: number;
  /** Whether BullMQ will run the job again if this attempt throws. */
  willRetry: boolean;
  /** The parsed environment (default: this process's); tests pass production's to check the guard. */
  settings?: Env;
}

/** After this long with nothing but failures, a webhook is disabled. */
export const DISABLE_AFTER_MS = 24 * 60 * 60 * 1000;

/** Names Signpost and where it runs, so a receiver's logs say who called. */
export const userAgent = (settings: Env) => `Signpost-Webhooks/1 (+${settings.APP_URL})`;

export class DeliveryFailed extends Error {
  override name = 'DeliveryFailed';
}

export interface DeliveryOutcome {
  status: DeliveryStatus | 'skipped';
  result?: SendResult;
  disabled?: boolean;
}

/** The job's handler: a failure that will be retried throws (BullMQ then backs off). */
export async function deliverWebhook(
  job: DeliverWebhookJob,
  context: DeliverContext,
): Promise<void> {
  const outcome = await attemptDelivery(job, context);
  if (outcome.status === 'failed') {
    throw new DeliveryFailed(
      `Webhook delivery ${job.deliveryId} failed: ${outcome.result?.error ?? ''}`,
    );
  }
}

/** One attempt, recorded; what happened, never thrown (a bug or the database aside). */
export async function attemptDelivery(
  job: DeliverWebhookJob,
  context: DeliverContext,
): Promise<DeliveryOutcome> {
  const settings = context.settings ?? env();
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: job.deliveryId },
    select: {
      id: true,
      event: true,
      body: true,
      status: true,
      webhook: { select: { id: true, url: true, secretEncrypted: true, disabledAt: true } },
    },
  });
  // Gone with its webhook, done already, or its webhook disabled: nothing to send.
  if (!delivery || !['pending', 'failed'].includes(delivery.status) || delivery.webhook.disabledAt)
    return { status: 'skipped' };
  const secret = openWebhookSecret(delivery.webhook.secretEncrypted, settings.CREDENTIALS_KEY);
  const result = await sendDelivery({
    url: delivery.webhook.url,
    body: delivery.body,
    headers: {
      'content-type': 'application/json',
      'user-agent': userAgent(settings),
      'signpost-event': delivery.event,
      'signpost-delivery': delivery.id,
      'signpost-signature': signatureHeader(secret, delivery.body, context.now()),
    },
    timeoutMs: settings.WEBHOOK_TIMEOUT_SECONDS * 1000,
    guardAddresses: settings.NODE_ENV === 'production',
  });
  return recordAttempt(delivery, result, context);
}

async function recordAttempt(
  delivery: { id: string; webhook: { id: string; url: string } },
  result: SendResult,
  context: DeliverContext,
): Promise<DeliveryOutcome> {
  const now = context.now();
  const status: DeliveryStatus = result.ok
    ? 'delivered'
    : context.willRetry
      ? 'failed'
      : 'abandoned';
  const webhookId = delivery.webhook.id;
  return db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        status,
        attempts: { increment: 1 },
        lastStatusCode: result.statusCode,
        lastError: result.error,
        responseMs: result.responseMs,
        lastAttemptAt: now,
        deliveredAt: result.ok ? now : null,
      },
    });
    if (result.ok) {
      await tx.webhook.updateMany({
        where: { id: webhookId, failingSince: { not: null } },
        data: { failingSince: null },
      });
      return { status, result };
    }
    await tx.webhook.updateMany({
      where: { id: webhookId, failingSince: null },
      data: { failingSince: now },
    });
    const webhook = await tx.webhook.findUniqueOrThrow({
      where: { id: webhookId },
      select: { failingSince: true, disabledAt: true, createdById: true, organisationId: true },
    });
    const failingFor = webhook.failingSince ? now.getTime() - webhook.failingSince.getTime() : 0;
    if (webhook.disabledAt || failingFor < DISABLE_AFTER_MS) return { status, result };
    const reason = `Every delivery failed for a day (since ${webhook.failingSince!.toISOString()}); the last: ${result.error ?? 'no answer'}`;
    const disabled = await tx.webhook.updateMany({
      where: { id: webhookId, disabledAt: null },
      data: { disabledAt: now, disabledReason: reason.slice(0, 500) },
    });
    if (disabled.count !== 1) return { status, result };
    await tx.webhookDelivery.updateMany({
      where: { webhookId, status: { in: ['pending', 'failed'] } },
      data: { status: 'abandoned' },
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'webhook.disabled',
      entityId: webhookId,
      organisationId: webhook.organisationId,
      after: {
        createdById: webhook.createdById,
        host: webhookHost(delivery.webhook.url),
        reason: reason.slice(0, 500),
      },
    });
    return { status: 'abandoned', result, disabled: true };
  });
}
