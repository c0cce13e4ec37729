import { describe, expect, it } from 'vitest';
import type { CalendarView } from '@/lib/posts/calendar-posts';
import type { PostView } from '@/lib/posts/post-view';
import { toCalendarEvents } from './calendar-events';

const post = (id: string, overrides: Partial<PostView> = {}): PostView => ({
  id,
  messageId: 'm',
  messageTitle: 'Help is available',
  campaignId: 'c',
  channelId: 'ch',
  channel: { handle: '@LancsPolice', status: 'active' },
  organisationId: 'o',
  organisation: { slug: 'lancashire', name: 'Lancashire Constabulary' },
  platform: 'x',
  language: 'en',
  pairId: null,
  scheduledAt: '2027-03-25T09:00:00.000Z',
  status: 'scheduled',
  text: 'text',
  signpostVersion: 1,
  externalId: null,
  externalUrl: null,
  attempts: 0,
  lastError: null,
  heldReason: null,
  nextAttemptAt: null,
  publishedAt: null,
  actions: ['reschedule', 'cancel'],
  ...overrides,
});

const empty: CalendarView = { posts: [], days: [], blackouts: [], pauses: [], campaigns: [] };
const range = { end: new Date('2027-03-29T00:00:00+01:00') };
const href = (date: string) => `/schedule?view=all&from=${date}&to=${date}`;

describe('toCalendarEvents', () => {
  it('lets a post be dragged only when lib says it may be rescheduled', () => {
    const events = toCalendarEvents(
      {
        ...empty,
        posts: [
          post('moves'),
          post('stays', { status: 'published', actions: [] }),
          post('viewer', { actions: [] }),
        ],
      },
      range,
      href,
    );
    expect(events.map((event) => [event.id, event.startEditable])).toEqual([
      ['moves', true],
      ['stays', false],
      ['viewer', false],
    ]);
    expect(events.every((event) => event.durationEditable === false)).toBe(true);
  });

  it('adds one "+N more" link for a day with more posts than were sent, to that day in the list', () => {
    const events = toCalendarEvents(
      {
        ...empty,
        posts: [post('a')],
        days: [
          { date: '2027-03-25', total: 1234, shown: 3 },
          { date: '2027-03-26', total: 2, shown: 2 },
        ],
      },
      range,
      href,
    );
    const more = events.filter((event) => event.extendedProps?.kind === 'more');
    expect(more).toEqual([
      expect.objectContaining({
        title: '+1,231 more',
        allDay: true,
        start: '2027-03-25',
        url: '/schedule?view=all&from=2027-03-25&to=2027-03-25',
        startEditable: false,
      }),
    ]);
  });

  it('shades blackouts, pauses (an open one to the end of the range) and the campaign, in words', () => {
    const events = toCalendarEvents(
      {
        ...empty,
        blackouts: [
          {
            id: 'b',
            organisation: { slug: 'lancashire', name: 'Lancashire Constabulary' },
            reason: 'By-election',
            startsAt: '2027-03-23T00:00:00.000Z',
            endsAt: '2027-03-24T00:00:00.000Z',
          },
        ],
        pauses: [
          {
            id: 'p',
            scope: 'global',
            covers: 'every organisation',
            reason: 'Incident',
            startsAt: '2027-03-27T00:00:00.000Z',
            endsAt: null,
          },
        ],
        campaigns: [
          {
            id: 'c',
            name: 'Stop it Now!',
            startsAt: '2027-01-01T00:00:00.000Z',
            endsAt: '2027-12-31T00:00:00.000Z',
          },
        ],
      },
      range,
      href,
    );
    expect(events.map((event) => [event.display, event.title, event.end])).toEqual([
      ['background', 'Campaign: Stop it Now!', '2027-12-31T00:00:00.000Z'],
      ['background', 'Blackout, Lancashire Constabulary: By-election', '2027-03-24T00:00:00.000Z'],
      ['background', 'Paused, every organisation: Incident', range.end.toISOString()],
    ]);
  });

  it('shades whole UK days in a month grid', () => {
    const [blackout] = toCalendarEvents(
      {
        ...empty,
        blackouts: [
          {
            id: 'b',
            organisation: { slug: 'lancashire', name: 'Lancashire Constabulary' },
            reason: 'By-election',
            startsAt: '2027-03-23T18:00:00.000Z',
            endsAt: '2027-03-25T12:00:00.000Z',
          },
        ],
      },
      range,
      href,
      'days',
    );
    expect(blackout).toMatchObject({ start: '2027-03-23', end: '2027-03-26', allDay: true });
  });
});
