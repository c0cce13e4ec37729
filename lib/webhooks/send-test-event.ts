// "Send a test event": a delivery of the event `test`, signed and sent at once like any other,
// tried once and answered with what came back (no retries; a success clears failingSince, a
// failure starts it, as a real delivery's would). Its body says what it is, so a receiver can
// check its signature code before real events arrive.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { env, type Env } from '../env';
import { conflict } from '../errors';
import { attemptDelivery } from './deliver';
import { deliveryBody } from './event-body';
import { findManagedWebhook } from './webhook-access';
import { DELIVERY_VIEW_SELECT, type DeliveryView, toDeliveryView } from './webhook-view';

export const TEST_EVENT = 'test';

export async function sendTestEvent(
  actor: Actor,
  webhookId: string,
  options: { now?: () => Date; settings?: Env } = {},
): Promise<DeliveryView> {
  const now = options.now ?? (() => new Date());
  const webhook = await findManagedWebhook(actor, webhookId, {
    id: true,
    url: true,
    events: true,
    disabledAt: true,
  });
  if (webhook.disabledAt)
    throw conflict('This webhook is disabled; register it again once the endpoint is fixed.');
  const eventId = `test_${randomUUID()}`;
  const delivery = await db.webhookDelivery.create({
    data: {
      webhookId: webhook.id,
      eventId,
      event: TEST_EVENT,
      body: deliveryBody({
        id: eventId,
        event: TEST_EVENT,
        createdAt: now(),
        data: {
          webhook: { id: webhook.id, events: webhook.events },
          message: 'A test event from Signpost: if its signature verifies, your endpoint is ready.',
        },
      }),
    },
    select: { id: true },
  });
  // Tried once (willRetry false): a failure is recorded as abandoned.
  await attemptDelivery(
    { deliveryId: delivery.id },
    { now, attempt: 1, willRetry: false, settings: options.settings ?? env() },
  );
  const row = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: delivery.id },
    select: DELIVERY_VIEW_SELECT,
  });
  return toDeliveryView(row);
}
