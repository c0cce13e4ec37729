import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { isPastRetention, planRetention, RETAINED, retentionPolicy } from './plan-retention';

const now = new Date('2026-12-01T03:30:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('planRetention', () => {
  it('keeps by default: post texts two years, snapshots 400 days, audit seven years', () => {
    const policy = retentionPolicy(parseEnv({}));
    expect(policy).toEqual({
      postText: 730,
      snapshots: 400,
      audit: 2557,
      sessions: 30,
      signIns: 90,
    });
    const cutoffs = planRetention(policy, now);
    expect(cutoffs.postText?.toISOString()).toBe('2024-12-01T03:30:00.000Z');
    expect(cutoffs.sessions?.toISOString()).toBe('2026-11-01T03:30:00.000Z');
  });

  it('keeps for ever what is set to 0 days', () => {
    const cutoffs = planRetention(
      { postText: 0, snapshots: 0, audit: 0, sessions: 0, signIns: 0 },
      now,
    );
    for (const kind of RETAINED) expect(cutoffs[kind]).toBeNull();
  });

  it('never keeps a sign-in record longer than the audit log it is part of', () => {
    const cutoffs = planRetention(
      { postText: 1, snapshots: 1, audit: 30, sessions: 1, signIns: 0 },
      now,
    );
    expect(cutoffs.signIns?.getTime()).toBe(now.getTime() - 30 * DAY);
  });

  it('removes exactly what is older than its period, and nothing newer', () => {
    fc.assert(
      fc.property(
        fc.record({
          postText: fc.integer({ min: 0, max: 5000 }),
          snapshots: fc.integer({ min: 0, max: 5000 }),
          audit: fc.integer({ min: 0, max: 5000 }),
          sessions: fc.integer({ min: 0, max: 5000 }),
          signIns: fc.integer({ min: 0, max: 5000 }),
        }),
        fc.constantFrom(...RETAINED),
        fc.integer({ min: 0, max: 6000 * DAY }),
        (policy, kind, ageMs) => {
          const cutoffs = planRetention(policy, now);
          const past = isPastRetention(cutoffs, kind, new Date(now.getTime() - ageMs));
          const days =
            kind === 'signIns' && policy.audit > 0
              ? Math.min(policy.signIns || policy.audit, policy.audit)
              : policy[kind];
          expect(past).toBe(days > 0 && ageMs > days * DAY);
        },
      ),
    );
  });
});
