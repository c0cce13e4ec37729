import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_DELAY_MS,
  MAX_PUBLISH_ATTEMPTS,
  hasAttemptsLeft,
  retryDelayCeilingMs,
  retryDelayMs,
} from './backoff';

const fixed = (r: number) => () => r;
const MINUTE = 60_000;

// A random() value as Math.random gives: [0, 1), including 0, never 1.
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const attempts = fc.integer({ min: 1, max: 200 });

describe('retryDelayMs', () => {
  it('doubles the ceiling from 5 seconds and stops at 15 minutes', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((a) => retryDelayCeilingMs(a));
    expect(ceilings).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 900_000, 900_000, 900_000,
    ]);
  });

  it('picks anywhere from zero up to the ceiling (full jitter)', () => {
    expect(retryDelayMs({ attempt: 3, random: fixed(0) })).toBe(0);
    expect(retryDelayMs({ attempt: 3, random: fixed(0.5) })).toBe(10_000);
    expect(retryDelayMs({ attempt: 3, random: fixed(0.999999) })).toBe(19_999);
  });

  it('waits at least as long as Retry-After, even beyond the cap', () => {
    expect(retryDelayMs({ attempt: 1, random: fixed(0), retryAfterMs: 30_000 })).toBe(30_000);
    expect(retryDelayMs({ attempt: 9, random: fixed(0.9), retryAfterMs: 60 * MINUTE })).toBe(
      60 * MINUTE,
    );
    // A jittered delay already longer than Retry-After stands.
    expect(retryDelayMs({ attempt: 9, random: fixed(0.5), retryAfterMs: 1_000 })).toBe(450_000);
  });

  it('ignores a zero or negative Retry-After', () => {
    expect(retryDelayMs({ attempt: 2, random: fixed(0.5), retryAfterMs: -5 })).toBe(5_000);
    expect(retryDelayMs({ attempt: 2, random: fixed(0.5), retryAfterMs: 0 })).toBe(5_000);
  });

  it('takes its own base and cap', () => {
    expect(retryDelayMs({ attempt: 4, random: fixed(0.5), baseMs: 100, maxMs: 500 })).toBe(250);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses attempt %s', (attempt) => {
    expect(() => retryDelayMs({ attempt, random: fixed(0) })).toThrow(RangeError);
  });

  it.each([1, -0.1, Number.NaN, 2])('refuses a random() that gives %s', (r) => {
    expect(() => retryDelayMs({ attempt: 1, random: fixed(r) })).toThrow(RangeError);
  });

  it('refuses a cap below the base', () => {
    expect(() => retryDelayMs({ attempt: 1, random: fixed(0), baseMs: 10, maxMs: 5 })).toThrow(
      RangeError,
    );
  });
});

describe('retryDelayMs properties', () => {
  it('stays within zero and the ceiling, a whole number of milliseconds', () => {
    fc.assert(
      fc.property(attempts, unit, (attempt, r) => {
        const delay = retryDelayMs({ attempt, random: fixed(r) });
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.max(1, retryDelayCeilingMs(attempt)));
        expect(delay).toBeLessThanOrEqual(DEFAULT_MAX_DELAY_MS);
      }),
    );
  });

  it('never lowers the ceiling as attempts grow, and never passes the cap', () => {
    fc.assert(
      fc.property(
        attempts,
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        (attempt, baseMs, extra) => {
          const maxMs = baseMs + extra;
          const now = retryDelayCeilingMs(attempt, baseMs, maxMs);
          const next = retryDelayCeilingMs(attempt + 1, baseMs, maxMs);
          expect(next).toBeGreaterThanOrEqual(now);
          expect(next).toBeLessThanOrEqual(maxMs);
        },
      ),
    );
  });

  it('waits longer, or as long, for a later attempt with the same luck', () => {
    fc.assert(
      fc.property(attempts, unit, (attempt, r) => {
        const now = retryDelayMs({ attempt, random: fixed(r) });
        expect(retryDelayMs({ attempt: attempt + 1, random: fixed(r) })).toBeGreaterThanOrEqual(
          now,
        );
      }),
    );
  });

  it('always honours Retry-After', () => {
    fc.assert(
      fc.property(attempts, unit, fc.integer({ min: 1, max: 86_400_000 }), (attempt, r, after) => {
        expect(
          retryDelayMs({ attempt, random: fixed(r), retryAfterMs: after }),
        ).toBeGreaterThanOrEqual(after);
      }),
    );
  });

  it('is the larger of the jitter and Retry-After, never more', () => {
    fc.assert(
      fc.property(attempts, unit, fc.integer({ min: 1, max: 86_400_000 }), (attempt, r, after) => {
        const withAfter = retryDelayMs({ attempt, random: fixed(r), retryAfterMs: after });
        const without = retryDelayMs({ attempt, random: fixed(r) });
        expect(withAfter).toBe(Math.max(without, after));
      }),
    );
  });
});

describe('attempts', () => {
  it('allows five attempts in all', () => {
    expect(MAX_PUBLISH_ATTEMPTS).toBe(5);
    expect([0, 1, 2, 3, 4, 5, 6].map(hasAttemptsLeft)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
