import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLL_OFFSETS_MS, afterPoll, nextPollAt, pollsDueBy } from './poll-plan';

const published = new Date('2026-11-02T09:30:00Z');
const at = (ms: number) => new Date(published.getTime() + ms);
const HOUR = 3_600_000;

describe('the polling plan', () => {
  it('polls at +1 h, +6 h, +24 h, +72 h, +7 d and +28 d, then never again', () => {
    const times: number[] = [];
    let state = { pollsDone: 0, nextPollAt: nextPollAt(published, 0) };
    while (state.nextPollAt) {
      times.push((state.nextPollAt.getTime() - published.getTime()) / HOUR);
      state = afterPoll(published, state.pollsDone, state.nextPollAt);
    }
    expect(times).toEqual([1, 6, 24, 72, 168, 672]);
    expect(state.pollsDone).toBe(POLL_OFFSETS_MS.length);
    expect(nextPollAt(published, state.pollsDone)).toBeNull();
  });

  it('a late poll leaves no earlier poll owed', () => {
    expect(afterPoll(published, 0, at(30 * HOUR))).toEqual({
      pollsDone: 3,
      nextPollAt: at(72 * HOUR),
    });
  });

  it('a refresh between two planned polls does not move the next one', () => {
    expect(afterPoll(published, 1, at(2 * HOUR))).toEqual({
      pollsDone: 1,
      nextPollAt: at(6 * HOUR),
    });
    expect(afterPoll(published, 0, at(5 * 60_000))).toEqual({ pollsDone: 0, nextPollAt: at(HOUR) });
  });

  it('never goes back, never passes the end, and always moves forward in time', () => {
    fc.assert(
      fc.property(fc.nat(POLL_OFFSETS_MS.length), fc.nat(40 * 24 * HOUR), (pollsDone, age) => {
        const now = at(age);
        const next = afterPoll(published, pollsDone, now);
        expect(next.pollsDone).toBeGreaterThanOrEqual(pollsDone);
        expect(next.pollsDone).toBeLessThanOrEqual(POLL_OFFSETS_MS.length);
        expect(next.pollsDone).toBeGreaterThanOrEqual(pollsDueBy(published, now));
        if (next.nextPollAt) expect(next.nextPollAt.getTime()).toBeGreaterThan(now.getTime());
      }),
    );
  });
});
