import { describe, expect, it } from 'vitest';
import {
  POST_EVENTS,
  POST_STATUSES,
  PostEvent,
  PostStatus,
  allowedEvents,
  isTerminal,
  mustMove,
  transition,
} from './state-machine';

// The whole table, written out by hand so that a change to the rules has to change it too.
// '-' means the event is refused in that status.
// prettier-ignore
const EXPECTED: Record<PostStatus, Record<PostEvent, PostStatus | '-'>> = {
  scheduled: {
    claim: 'publishing', published: '-', transient_error: '-', retries_exhausted: '-',
    permanent_error: '-', auth_error: '-', hold: 'held', crash_detected: '-',
    found_on_platform: '-', not_found_on_platform: '-', cancel: 'cancelled',
    reschedule: 'scheduled', release: '-', retry: '-',
  },
  publishing: {
    claim: '-', published: 'published', transient_error: 'scheduled', retries_exhausted: 'failed',
    permanent_error: 'failed', auth_error: 'held', hold: 'held', crash_detected: 'unconfirmed',
    found_on_platform: '-', not_found_on_platform: '-', cancel: '-',
    reschedule: '-', release: '-', retry: '-',
  },
  published: {
    claim: '-', published: '-', transient_error: '-', retries_exhausted: '-',
    permanent_error: '-', auth_error: '-', hold: '-', crash_detected: '-',
    found_on_platform: '-', not_found_on_platform: '-', cancel: '-',
    reschedule: '-', release: '-', retry: '-',
  },
  failed: {
    claim: '-', published: '-', transient_error: '-', retries_exhausted: '-',
    permanent_error: '-', auth_error: '-', hold: '-', crash_detected: '-',
    found_on_platform: '-', not_found_on_platform: '-', cancel: 'cancelled',
    reschedule: '-', release: '-', retry: 'scheduled',
  },
  held: {
    claim: '-', published: '-', transient_error: '-', retries_exhausted: '-',
    permanent_error: '-', auth_error: '-', hold: '-', crash_detected: '-',
    found_on_platform: '-', not_found_on_platform: '-', cancel: 'cancelled',
    reschedule: 'scheduled', release: 'scheduled', retry: '-',
  },
  cancelled: {
    claim: '-', published: '-', transient_error: '-', retries_exhausted: '-',
    permanent_error: '-', auth_error: '-', hold: '-', crash_detected: '-',
    found_on_platform: '-', not_found_on_platform: '-', cancel: '-',
    reschedule: '-', release: '-', retry: '-',
  },
  unconfirmed: {
    claim: '-', published: '-', transient_error: '-', retries_exhausted: '-',
    permanent_error: '-', auth_error: '-', hold: '-', crash_detected: '-',
    found_on_platform: 'published', not_found_on_platform: 'scheduled', cancel: '-',
    reschedule: '-', release: '-', retry: '-',
  },
};

// Events that end a claim after the platform may have been called count one attempt.
const COUNTS_ATTEMPT: readonly PostEvent[] = [
  'published',
  'transient_error',
  'retries_exhausted',
  'permanent_error',
  'auth_error',
  'crash_detected',
];

const CELLS = POST_STATUSES.flatMap((from) => POST_EVENTS.map((event) => ({ from, event })));

describe('the post state machine', () => {
  it('names every status and event the API and database use', () => {
    expect(PostStatus.options).toEqual([
      'scheduled',
      'publishing',
      'published',
      'failed',
      'held',
      'cancelled',
      'unconfirmed',
    ]);
    expect(PostEvent.options).toHaveLength(14);
    expect(CELLS).toHaveLength(7 * 14);
  });

  it.each(CELLS)('$from + $event follows the table', ({ from, event }) => {
    const expected = EXPECTED[from][event];
    const result = transition(from, event);
    if (expected === '-') {
      expect(result.ok).toBe(false);
    } else {
      expect(result).toEqual({
        ok: true,
        to: expected,
        countsAttempt: COUNTS_ATTEMPT.includes(event),
      });
    }
  });

  it.each(CELLS.filter(({ from, event }) => EXPECTED[from][event] === '-'))(
    '$from + $event is refused in plain words',
    ({ from, event }) => {
      const result = transition(from, event);
      if (result.ok) throw new Error(`expected ${from} + ${event} to be refused`);
      expect(result.reason).toMatch(/^[A-Z].*\.$/);
      // No machine names such as "transient_error" reach a person.
      expect(result.reason).not.toMatch(/_/);
    },
  );

  it('explains why a published post cannot be cancelled', () => {
    expect(transition('published', 'cancel')).toEqual({
      ok: false,
      reason: 'A published post cannot be cancelled: delete it on the platform instead.',
    });
  });

  it('refuses to cancel a post whose outcome is unknown, because it may be on the platform', () => {
    const result = transition('unconfirmed', 'cancel');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('may already be on the platform');
  });

  it('refuses to cancel a post while it is being published', () => {
    const result = transition('publishing', 'cancel');
    expect(!result.ok && result.reason).toBe(
      'A post that is being published cannot be cancelled: wait a moment for the outcome.',
    );
  });

  it('says what a post is when only another status can be released or retried', () => {
    expect(transition('publishing', 'release')).toEqual({
      ok: false,
      reason: 'Only a held post can be released; this one is being published.',
    });
    expect(transition('held', 'retry')).toEqual({
      ok: false,
      reason: 'Only a failed post can be retried; this one is held.',
    });
  });

  it('gives a generic reason for the rest', () => {
    expect(transition('scheduled', 'published')).toEqual({
      ok: false,
      reason: 'A scheduled post cannot be marked as published.',
    });
  });

  it.each(POST_STATUSES)('allowedEvents(%s) lists exactly the accepted events', (status) => {
    const accepted = POST_EVENTS.filter((event) => EXPECTED[status][event] !== '-');
    expect(allowedEvents(status)).toEqual(accepted);
  });

  it('treats only published and cancelled as terminal', () => {
    expect(POST_STATUSES.filter(isTerminal)).toEqual(['published', 'cancelled']);
  });

  it('lets a person act on every status that is not terminal or in flight', () => {
    // A failed or held post is never a dead end: someone can always move it on.
    expect(allowedEvents('failed')).toEqual(['cancel', 'retry']);
    expect(allowedEvents('held')).toEqual(['cancel', 'reschedule', 'release']);
  });

  it('reaches every status from scheduled', () => {
    const seen = new Set<PostStatus>(['scheduled']);
    const queue: PostStatus[] = ['scheduled'];
    for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
      for (const event of allowedEvents(from)) {
        const result = transition(from, event);
        if (result.ok && !seen.has(result.to)) {
          seen.add(result.to);
          queue.push(result.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...POST_STATUSES].sort());
  });
});

describe("mustMove, for the worker's own moves", () => {
  it('gives where a legal event leads', () => {
    expect(mustMove('publishing', 'published')).toBe('published');
    expect(mustMove('unconfirmed', 'not_found_on_platform')).toBe('scheduled');
  });

  it('throws on an illegal one: that is a bug, never a state to write', () => {
    expect(() => mustMove('published', 'claim')).toThrow(/Illegal post transition/);
  });
});
