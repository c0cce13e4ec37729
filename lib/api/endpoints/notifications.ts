// The signed-in person's own notifications (API.md: "Partners, planning and notifications").
import { z } from 'zod';
import { NotificationListQuery } from '../../notifications/list-notifications';
import { MarkReadRequest } from '../../notifications/mark-read';
import { NotificationView } from '../../notifications/notification-view';
import { defineEndpoint } from '../endpoint';
import { listOf } from '../pagination';

export const listNotificationsEndpoint = defineEndpoint({
  method: 'get',
  path: '/notifications',
  summary:
    'Your notifications, newest first (order=unread_first for unread ones first); ?unread=true for unread ones only, ?kind= for one kind; unreadCount is how many are unread in all',
  tag: 'Notifications',
  access: 'signed_in',
  query: NotificationListQuery,
  response: listOf(NotificationView).extend({ unreadCount: z.number().int().min(0) }),
});

export const markNotificationsReadEndpoint = defineEndpoint({
  method: 'post',
  path: '/notifications/read',
  summary:
    'Mark some of your notifications read ({ids}) or all of them ({all: true}); ids that are not yours change nothing',
  tag: 'Notifications',
  access: 'signed_in',
  body: MarkReadRequest,
  response: z.void(),
  successStatus: 204,
});
