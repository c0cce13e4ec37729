import { calendarEndpoint } from '@/lib/api/endpoints/calendar';
import { handle } from '@/lib/api/handle';
import { calendarPosts } from '@/lib/posts/calendar-posts';

export const GET = handle(calendarEndpoint, ({ actor, query }) => calendarPosts(actor, query));
