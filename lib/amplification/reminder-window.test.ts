import { describe, expect, it } from 'vitest';
import { REMINDER_INTERVAL_MS, reminderDecision } from './reminder-window';

const now = new Date('2026-12-01T15:00:00Z');

describe('when a partner may be reminded', () => {
  it('may be reminded when it has not shared and was never reminded', () => {
    expect(
      reminderDecision({ shared: false, quietReason: null, lastRemindedAt: null, now }),
    ).toEqual({
      allowed: true,
    });
  });

  it('is not reminded about a message it has shared', () => {
    const decision = reminderDecision({
      shared: true,
      quietReason: null,
      lastRemindedAt: null,
      now,
    });
    expect(decision).toMatchObject({ allowed: false, code: 'already_shared' });
  });

  it('is not reminded inside its quiet period, and is told why', () => {
    const decision = reminderDecision({
      shared: false,
      quietReason: 'Manchester City Council is in its pre-election period.',
      lastRemindedAt: null,
      now,
    });
    expect(decision).toMatchObject({ allowed: false, code: 'quiet_period' });
    if (!decision.allowed) expect(decision.reason).toContain('pre-election period');
  });

  it('is reminded at most once a day per message, with when the next may be sent', () => {
    const earlier = new Date(now.getTime() - REMINDER_INTERVAL_MS + 60_000);
    const decision = reminderDecision({
      shared: false,
      quietReason: null,
      lastRemindedAt: earlier,
      now,
    });
    expect(decision).toMatchObject({ allowed: false, code: 'reminded_recently' });
    if (!decision.allowed) {
      expect(decision.reason).toContain('one reminder a day');
      expect(decision.retryAt?.getTime()).toBe(earlier.getTime() + REMINDER_INTERVAL_MS);
    }
    const dayAgo = new Date(now.getTime() - REMINDER_INTERVAL_MS);
    expect(
      reminderDecision({ shared: false, quietReason: null, lastRemindedAt: dayAgo, now }),
    ).toEqual({
      allowed: true,
    });
  });
});
