'use server';

import { z } from 'zod';
import {
  NotificationSettingsUpdate,
  saveNotificationSettings,
} from '@/lib/notifications/notification-settings';
import { serverAction } from '../../action-result';

export const saveNotificationSettingsAction = serverAction(
  z.tuple([NotificationSettingsUpdate]),
  (actor, [update]) => saveNotificationSettings(actor, update),
  'Your notification choices are saved.',
);
