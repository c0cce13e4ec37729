// The signed-in person's own email choices, as on Settings → Notifications.
import {
  NotificationSettingsUpdate,
  NotificationSettingsView,
} from '../../notifications/notification-settings';
import { defineEndpoint } from '../endpoint';

export const getNotificationSettingsEndpoint = defineEndpoint({
  method: 'get',
  path: '/me/notification-settings',
  summary:
    'Your email choices: per kind of notification "immediate", "digest" or "none" (with your role’s default), and the digest’s UK hour',
  tag: 'Auth',
  access: 'signed_in',
  response: NotificationSettingsView,
});

export const putNotificationSettingsEndpoint = defineEndpoint({
  method: 'put',
  path: '/me/notification-settings',
  summary:
    'Set your email choices: a kind not named takes your role’s default; digestHour is 0–23, UK time',
  tag: 'Auth',
  access: 'signed_in',
  body: NotificationSettingsUpdate,
  response: NotificationSettingsView,
});
