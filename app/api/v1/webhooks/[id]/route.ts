import { removeWebhookEndpoint } from '@/lib/api/endpoints/webhooks';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { removeWebhook } from '@/lib/webhooks/remove-webhook';

export const DELETE = handle(removeWebhookEndpoint, ({ actor, params }) =>
  removeWebhook(actor, auditActor(actor), params.id),
);
