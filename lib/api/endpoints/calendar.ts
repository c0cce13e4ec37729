// The calendar's data (issue 10): the posts of the range on screen, capped per UK day, and what
// is shaded behind them.
import { CalendarQuery, CalendarView } from '../../posts/calendar-posts';
import { defineEndpoint } from '../endpoint';

export const calendarEndpoint = defineEndpoint({
  method: 'get',
  path: '/calendar',
  summary:
    'Posts between from and to (at most 62 days), filtered as /posts; at most perDay of each UK day, with every day counted; and the blackouts, pauses and campaign dates in that range',
  tag: 'Posts',
  access: 'signed_in',
  query: CalendarQuery,
  response: CalendarView,
});
