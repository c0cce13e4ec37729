import { calendarFeedEndpoint } from '@/lib/api/endpoints/calendar-feeds';
import { handle } from '@/lib/api/handle';
import { readCalendarFeed } from '@/lib/calendar-feeds/read-feed';
import { env } from '@/lib/env';

// GET only: the secret reads the feed and does nothing else (any other method is Next's 405).
export const GET = handle(
  calendarFeedEndpoint,
  async ({ params }) =>
    new Response(await readCalendarFeed(params.token, env().APP_URL, new Date()), {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="signpost.ics"',
        // The address is the credential: no shared cache keeps a copy.
        'Cache-Control': 'private, no-store',
      },
    }),
);
