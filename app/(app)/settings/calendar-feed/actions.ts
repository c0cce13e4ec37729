'use server';

import { z } from 'zod';
import { serverAction } from '@/app/(app)/action-result';
import { RecordId } from '@/lib/api/record-id';
import {
  CalendarFeedRequest,
  createCalendarFeed,
  revokeCalendarFeed,
} from '@/lib/calendar-feeds/calendar-feeds';
import { env } from '@/lib/env';

export const createCalendarFeedAction = serverAction(
  z.tuple([CalendarFeedRequest]),
  (actor, [request]) => createCalendarFeed(actor.user, request, env().APP_URL),
  'Calendar feed created.',
);

export const revokeCalendarFeedAction = serverAction(
  z.tuple([RecordId.describe('feedId')]),
  (actor, [feedId]) => revokeCalendarFeed(actor.user, feedId),
  'Calendar feed revoked: its address no longer works.',
);
