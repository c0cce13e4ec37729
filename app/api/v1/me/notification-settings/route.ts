import {
  getNotificationSettingsEndpoint,
  putNotificationSettingsEndpoint,
} from '@/lib/api/endpoints/notification-settings';
import { handle } from '@/lib/api/handle';
import {
  notificationSettingsFor,
  saveNotificationSettings,
} from '@/lib/notifications/notification-settings';

export const GET = handle(getNotificationSettingsEndpoint, ({ actor }) =>
  notificationSettingsFor(actor),
);

export const PUT = handle(putNotificationSettingsEndpoint, ({ actor, body }) =>
  saveNotificationSettings(actor, body),
);
