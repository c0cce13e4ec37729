// Where one approved message stands on one channel, for "Ready to schedule" (issue 10): waiting
// (nothing of it is on the channel's schedule), and what a person should know before posting it
// there: it is already on the schedule, or it went out there in the last few days. Pure.
import { Temporal } from 'temporal-polyfill';
import { dayOf, formatLocal, UK_TIME_ZONE } from '../scheduling/london-time';
import { isTerminal, type PostStatus } from './state-machine';

/** A message published on a channel this recently is worth a second thought before posting it again. */
export const RECENTLY_PUBLISHED_DAYS = 14;

export interface PostOnChannel {
  status: PostStatus;
  scheduledAt: Date;
  publishedAt: Date | null;
}

export interface ChannelStanding {
  /** No post of the message on the channel is still to go out (or being sorted out). */
  waiting: boolean;
  /** The times of its posts there that are still to go out, soonest first. */
  scheduledAt: Date[];
  lastPublishedAt: Date | null;
  warnings: string[];
}

const DAY_MS = 86_400_000;

export function channelStanding(
  posts: readonly PostOnChannel[],
  now: Date,
  options: { recentDays?: number; zone?: string } = {},
): ChannelStanding {
  const zone = options.zone ?? UK_TIME_ZONE;
  const recentDays = options.recentDays ?? RECENTLY_PUBLISHED_DAYS;
  // A post not yet published or cancelled is still the channel's: scheduled, held, failed (to
  // retry) or being published. Scheduling the message again there would post it twice.
  const live = posts
    .filter((post) => !isTerminal(post.status))
    .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
  const published = posts
    .filter((post) => post.status === 'published')
    .map((post) => post.publishedAt ?? post.scheduledAt)
    .sort((a, b) => b.getTime() - a.getTime());
  const last = published[0] ?? null;

  const warnings = live.map(
    (post) =>
      `Already on the schedule here for ${formatLocal(post.scheduledAt, zone)}${
        post.status === 'scheduled' ? '' : ` (${post.status})`
      }.`,
  );
  if (last && now.getTime() - last.getTime() < recentDays * DAY_MS) {
    warnings.push(`Published here ${ago(last, now, zone)} (${formatLocal(last, zone)}).`);
  }
  return {
    waiting: live.length === 0,
    scheduledAt: live.map((post) => post.scheduledAt),
    lastPublishedAt: last,
    warnings,
  };
}

/** In the organisation's calendar days, as people count them: Saturday is three days before Tuesday. */
function ago(then: Date, now: Date, zone: string): string {
  const days = Temporal.PlainDate.from(dayOf(then, zone)).until(dayOf(now, zone)).days;
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}
