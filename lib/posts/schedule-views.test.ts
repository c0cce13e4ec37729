import { describe, expect, it } from 'vitest';
import { scheduleViewQuery } from './schedule-views';

const now = new Date('2026-12-01T12:00:00Z');

describe("the Schedule page's tabs as post filters", () => {
  it('lists what went out latest first, from the last fortnight', () => {
    expect(scheduleViewQuery('published', now)).toEqual({
      status: 'published',
      from: '2026-11-17T12:00:00.000Z',
      order: 'desc',
    });
  });

  it('lists what is coming soonest first', () => {
    expect(scheduleViewQuery('upcoming', now)).toEqual({
      status: 'scheduled,publishing,unconfirmed',
      order: 'asc',
    });
    expect(scheduleViewQuery('attention', now).order).toBe('asc');
    expect(scheduleViewQuery('all', now)).toEqual({ order: 'asc' });
  });
});
