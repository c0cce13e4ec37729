import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCallback, type StoredStart } from './callback-check';

const now = new Date('2026-12-02T10:00:00Z');
const start: StoredStart = {
  userId: 'user-1',
  sessionId: 'session-1',
  platform: 'x',
  expiresAt: new Date(now.getTime() + 60_000),
  usedAt: null,
};
const callback = { platform: 'x' as const, userId: 'user-1', sessionId: 'session-1' };

describe('a platform callback is checked against its start', () => {
  it('finishes the flow that this person started in this session', () => {
    expect(checkCallback({ start, callback, now })).toEqual({ ok: true });
  });

  it('refuses a state nobody issued', () => {
    expect(checkCallback({ start: null, callback, now })).toEqual({
      ok: false,
      reason: 'unknown_state',
    });
  });

  it('refuses a state already spent (a replayed callback)', () => {
    expect(checkCallback({ start: { ...start, usedAt: now }, callback, now })).toEqual({
      ok: false,
      reason: 'used',
    });
  });

  it('refuses another person or another session', () => {
    for (const other of [
      { ...callback, userId: 'user-2' },
      { ...callback, sessionId: 'session-2' },
      { ...callback, sessionId: undefined },
    ])
      expect(checkCallback({ start, callback: other, now })).toEqual({
        ok: false,
        reason: 'other_person',
      });
  });

  it('refuses a callback for another platform', () => {
    expect(checkCallback({ start, callback: { ...callback, platform: 'facebook' }, now })).toEqual({
      ok: false,
      reason: 'other_platform',
    });
  });

  it('refuses from the moment the start expires, and not before', () => {
    fc.assert(
      fc.property(fc.integer({ min: -600_000, max: 600_000 }), (offset) => {
        const at = new Date(start.expiresAt.getTime() + offset);
        const result = checkCallback({ start, callback, now: at });
        expect(result.ok).toBe(offset < 0);
      }),
    );
  });
});
