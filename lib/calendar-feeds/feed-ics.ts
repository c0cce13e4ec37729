// A feed's posts as iCalendar (RFC 5545), written by ical-generator: one VEVENT per post, its UID
// the post's id (so a calendar updates a moved post instead of adding a second), at its time for
// a quarter of an hour. The description is the post's own text, helpline signpost included, as
// plain text: the helpline's address goes to the charity as written, never through a link of ours.
// The event's URL is the post's place in Signpost. Pure: `now` is the DTSTAMP.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { PostView } from '../posts/post-view';
import { rulesFor } from '../platforms/rules';
import type { PostStatus } from '../posts/state-machine';

const EVENT_MINUTES = 15;

const STATUS_WORDS: Record<PostStatus, string> = {
  scheduled: 'scheduled',
  publishing: 'publishing',
  published: 'published',
  failed: 'failed',
  held: 'held',
  cancelled: 'cancelled',
  unconfirmed: 'outcome unknown',
};

/** "X: Worried about your thoughts? (scheduled)" */
export function eventSummary(post: Pick<PostView, 'platform' | 'messageTitle' | 'status'>): string {
  return `${rulesFor(post.platform).label}: ${post.messageTitle} (${STATUS_WORDS[post.status]})`;
}

export function postPageUrl(appUrl: string, post: Pick<PostView, 'id' | 'messageId'>): string {
  return new URL(`/messages/${post.messageId}#post-${post.id}`, appUrl).toString();
}

export function feedIcs({
  name,
  posts,
  appUrl,
  now,
}: {
  name: string;
  posts: readonly PostView[];
  appUrl: string;
  now: Date;
}): string {
  const host = new URL(appUrl).hostname;
  const calendar = ical({
    name,
    prodId: { company: 'Signpost', product: 'schedule', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // Calendars that honour it look again within the hour.
    ttl: 60 * 60,
  });
  for (const post of posts) {
    const start = new Date(post.scheduledAt);
    calendar.createEvent({
      id: `post-${post.id}@${host}`,
      stamp: now,
      start,
      end: new Date(start.getTime() + EVENT_MINUTES * 60_000),
      summary: eventSummary(post),
      description: [
        `${post.organisation.name} · ${post.channel.handle}`,
        '',
        post.text,
        ...(post.externalUrl ? ['', `Published: ${post.externalUrl}`] : []),
      ].join('\n'),
      url: postPageUrl(appUrl, post),
      status: post.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
