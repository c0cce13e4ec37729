import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { PostView } from '../posts/post-view';
import { eventSummary, feedIcs } from './feed-ics';

const post: PostView = {
  id: 'p1',
  messageId: 'm1',
  messageTitle: 'Help is available; no judgement, no names',
  campaignId: 'c1',
  channelId: 'ch1',
  channel: { handle: '@LancsPolice', status: 'active' },
  organisationId: 'o1',
  organisation: { slug: 'lancashire', name: 'Lancashire Constabulary' },
  platform: 'instagram',
  language: 'en',
  pairId: null,
  scheduledAt: '2026-10-25T01:30:00.000Z',
  status: 'scheduled',
  text: 'Worried about your thoughts?\nCall Stop It Now on 0808 1000 900 or visit https://www.stopitnow.org.uk/?utm_source=lancashire',
  signpostVersion: 1,
  externalId: null,
  externalUrl: null,
  attempts: 0,
  lastError: null,
  heldReason: null,
  nextAttemptAt: null,
  publishedAt: null,
  actions: [],
};

const now = new Date('2026-10-20T12:00:00Z');
const ics = feedIcs({
  name: 'Signpost: Work',
  posts: [post],
  appUrl: 'https://signpost.example',
  now,
});
const [event] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');

describe('a feed as iCalendar', () => {
  it('is one event per post with a UID made of the post’s id', () => {
    expect(event?.getFirstPropertyValue('uid')).toBe('post-p1@signpost.example');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('names the platform, the message and the status', () => {
    expect(event?.getFirstPropertyValue('summary')).toBe(
      'Instagram: Help is available; no judgement, no names (scheduled)',
    );
    expect(eventSummary({ ...post, status: 'unconfirmed' })).toContain('(outcome unknown)');
  });

  it('starts at the post’s time (the clocks go back that night) and is stamped now', () => {
    const start = event?.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.toJSDate().toISOString()).toBe('2026-10-25T01:30:00.000Z');
    const stamp = event?.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe(now.toISOString());
  });

  it('carries the text with the helpline as it is written, and links only to Signpost', () => {
    const description = String(event?.getFirstPropertyValue('description'));
    expect(description).toContain('0808 1000 900');
    expect(description).toContain('https://www.stopitnow.org.uk/?utm_source=lancashire');
    expect(description).not.toContain('signpost.example');
    expect(event?.getFirstPropertyValue('url')).toBe(
      'https://signpost.example/messages/m1#post-p1',
    );
    // Plain text only: no HTML alternative description.
    expect(ics).not.toContain('X-ALT-DESC');
  });

  it('names the published post on the platform when there is one', () => {
    const published = feedIcs({
      name: 'x',
      posts: [{ ...post, status: 'published', externalUrl: 'https://instagram.example/p/1' }],
      appUrl: 'https://signpost.example',
      now,
    });
    const [only] = new ICAL.Component(ICAL.parse(published)).getAllSubcomponents('vevent');
    expect(String(only?.getFirstPropertyValue('description'))).toContain(
      'Published: https://instagram.example/p/1',
    );
  });

  it('is an empty calendar when there are no posts', () => {
    const empty = feedIcs({ name: 'x', posts: [], appUrl: 'https://signpost.example', now });
    expect(empty).toContain('BEGIN:VCALENDAR');
    expect(empty).not.toContain('BEGIN:VEVENT');
  });
});
