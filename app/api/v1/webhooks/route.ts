import { createWebhookEndpoint, listWebhooksEndpoint } from '@/lib/api/endpoints/webhooks';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { listWebhooks } from '@/lib/webhooks/list-webhooks';
import { registerWebhook } from '@/lib/webhooks/register-webhook';

export const POST = handle(createWebhookEndpoint, ({ actor, body }) =>
  registerWebhook(actor, auditActor(actor), body),
);
export const GET = handle(listWebhooksEndpoint, ({ actor }) => listWebhooks(actor));
