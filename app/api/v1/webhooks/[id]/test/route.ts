import { testWebhookEndpoint } from '@/lib/api/endpoints/webhooks';
import { handle } from '@/lib/api/handle';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';

export const POST = handle(testWebhookEndpoint, ({ actor, params }) =>
  sendTestEvent(actor, params.id),
);
