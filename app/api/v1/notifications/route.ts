import { listNotificationsEndpoint } from '@/lib/api/endpoints/notifications';
import { handle } from '@/lib/api/handle';
import { listNotifications } from '@/lib/notifications/list-notifications';

export const GET = handle(listNotificationsEndpoint, ({ actor, query }) =>
  listNotifications(actor, query),
);
