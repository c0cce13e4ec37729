// The Schedule page's tabs, as post filters. Pure.
import type { PostStatus } from './state-machine';

export const SCHEDULE_VIEWS = ['upcoming', 'attention', 'published', 'all'] as const;
export type ScheduleView = (typeof SCHEDULE_VIEWS)[number];

export const VIEW_STATUSES: Record<ScheduleView, PostStatus[] | null> = {
  upcoming: ['scheduled', 'publishing', 'unconfirmed'],
  attention: ['held', 'failed', 'unconfirmed'],
  published: ['published'],
  all: null,
};

export function scheduleViewQuery(
  view: ScheduleView,
  now: Date,
): { status?: string; from?: string; order: 'asc' | 'desc' } {
  const statuses = VIEW_STATUSES[view];
  return {
    ...(statuses ? { status: statuses.join(',') } : {}),
    // What is coming, soonest first; what went out, latest first.
    order: view === 'published' ? 'desc' : 'asc',
    // Published: the last fortnight unless the filters say otherwise.
    ...(view === 'published'
      ? { from: new Date(now.getTime() - 14 * 24 * 60 * 60 * 1000).toISOString() }
      : {}),
  };
}
