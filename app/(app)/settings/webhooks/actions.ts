'use server';

import { z } from 'zod';
import { serverAction } from '@/app/(app)/action-result';
import { RecordId } from '@/lib/api/record-id';
import { auditActor } from '@/lib/auth/actor';
import { registerWebhook, WebhookRequest } from '@/lib/webhooks/register-webhook';
import { removeWebhook } from '@/lib/webhooks/remove-webhook';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';

export const createWebhookAction = serverAction(
  z.tuple([WebhookRequest]),
  (actor, [request]) => registerWebhook(actor, auditActor(actor), request),
  'Webhook added.',
);

export const removeWebhookAction = serverAction(
  z.tuple([RecordId.describe('webhookId')]),
  (actor, [webhookId]) => removeWebhook(actor, auditActor(actor), webhookId),
  'Webhook removed.',
);

export const testWebhookAction = serverAction(
  z.tuple([RecordId.describe('webhookId')]),
  (actor, [webhookId]) => sendTestEvent(actor, webhookId),
  (delivery) =>
    delivery.status === 'delivered'
      ? `Test event delivered: HTTP ${delivery.lastStatusCode ?? ''} in ${delivery.responseMs ?? 0} ms.`
      : `The test event was not delivered: ${delivery.lastError ?? 'no answer'}.`,
);
