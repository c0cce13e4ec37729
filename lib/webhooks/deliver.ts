// Sends one delivery (the deliver-webhook job on QUEUES.webhooks): signed at send time, so the
// timestamp is fresh on every retry. A 2xx is delivered and clears the webhook's failingSince;
// anything else is failed and thrown, so BullMQ retries with WEBHOOK_JOB_DEFAULTS' backoff (out of
// attempts: abandoned). A webhook that has failed without a success for a day is disabled in the
// same transaction (disable-webhook.ts).
import { db } from '../db';
import { env, type Env } from '../env';
import { preparedQuery } from '../publishing/hot-path';
import type { DeliverWebhookJob } from '../queue/jobs';
import { disableIfFailingTooLong } from './disable-webhook';
import { sendDelivery, type SendResult } from './send-delivery';
import { signatureHeader } from './signature';
import { openWebhookSecret } from './webhook-secret';
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

/** Names Signpost and where it runs, so a receiver's logs say who called. */
export const userAgent = (settings: Env) => `Signpost-Webhooks/1 (+${settings.APP_URL})`;

interface LoadedDelivery {
  id: string;
  event: string;
  body: string;
  status: string;
  webhookId: string;
  url: string;
  secretEncrypted: string;
  disabledAt: Date | null;
}

// The hot path, as publishing's (lib/publishing/hot-path.ts): a delivery is read, and a success
// recorded, in one prepared statement each; the ORM's overhead per query was most of a
// delivery's CPU beside publishing (docs/BENCHMARKS.md, issue 9). Failures, rarer and with more
// to decide, stay on Prisma.
const LOAD_DELIVERY = `
  SELECT d.id, d.event, d.body, d.status, w.id AS "webhookId", w.url, w."secretEncrypted", w."disabledAt"
  FROM webhook_deliveries d JOIN webhooks w ON w.id = d."webhookId"
  WHERE d.id = $1`;

/** Delivered, and the webhook's failingSince cleared (only if set: no write otherwise). */
const RECORD_DELIVERED = `
  WITH delivered AS (
    UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, "lastStatusCode" = $2,
      "lastError" = NULL, "responseMs" = $3, "lastAttemptAt" = $4, "deliveredAt" = $4
    WHERE id = $1
    RETURNING "webhookId"
  )
  UPDATE webhooks SET "failingSince" = NULL
  WHERE id = (SELECT "webhookId" FROM delivered) AND "failingSince" IS NOT NULL`;

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
  const [delivery] = await preparedQuery<LoadedDelivery>('signpost_load_delivery', LOAD_DELIVERY, [
    job.deliveryId,
  ]);
  // Gone with its webhook, done already, or its webhook disabled: nothing to send.
  if (!delivery || !['pending', 'failed'].includes(delivery.status) || delivery.disabledAt)
    return { status: 'skipped' };
  const secret = openWebhookSecret(delivery.secretEncrypted, settings.CREDENTIALS_KEY);
  const result = await sendDelivery({
    url: delivery.url,
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
  delivery: LoadedDelivery,
  result: SendResult,
  context: DeliverContext,
): Promise<DeliveryOutcome> {
  const now = context.now();
  if (result.ok) {
    await preparedQuery('signpost_record_delivered', RECORD_DELIVERED, [
      delivery.id,
      result.statusCode,
      result.responseMs,
      now,
    ]);
    return { status: 'delivered', result };
  }
  const status: DeliveryStatus = context.willRetry ? 'failed' : 'abandoned';
  const webhookId = delivery.webhookId;
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
      },
    });
    await tx.webhook.updateMany({
      where: { id: webhookId, failingSince: null },
      data: { failingSince: now },
    });
    const disabled = await disableIfFailingTooLong(tx, webhookId, now, result.error);
    if (!disabled) return { status, result };
    return { status: 'abandoned', result, disabled: true };
  });
}
