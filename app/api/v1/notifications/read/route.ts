import { markNotificationsReadEndpoint } from '@/lib/api/endpoints/notifications';
import { handle } from '@/lib/api/handle';
import { markRead } from '@/lib/notifications/mark-read';

export const POST = handle(markNotificationsReadEndpoint, async ({ actor, body }) => {
  await markRead(actor, body);
});
