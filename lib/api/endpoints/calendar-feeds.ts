// A person's calendar feed (issue 10): read by calendar apps with the secret in its address and
// nothing else; made and revoked in Settings → Calendar feed.
import { z } from 'zod';
import { FeedParams } from '../../calendar-feeds/read-feed';
import { defineEndpoint } from '../endpoint';

export const calendarFeedEndpoint = defineEndpoint({
  method: 'get',
  path: '/feeds/{token}/calendar.ics',
  summary:
    "A person's schedule as an iCalendar feed to subscribe to: one event per scheduled, held or published post they may see now, from a month back to a year ahead",
  description: [
    'The address is made in Settings and shown once; the secret in it is the only credential and',
    'reads this feed, nothing else. Each event’s UID is stable per post; its summary is the platform,',
    'the message title and the status; its description is the post’s text as plain text; its URL',
    'is the post in Signpost. A revoked feed, or one whose person has gone, answers 404.',
  ].join(' '),
  tag: 'Posts',
  access: 'public',
  params: FeedParams,
  response: z.string(),
  contentType: 'text/calendar',
});
