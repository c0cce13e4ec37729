// The reminders' rate limit: one per partner per message per day, so a lead's "Remind" is a nudge,
// never a flood in a council's inbox. The one statement of the rule: the amplification view offers
// the button by it, and remindPartner refuses by it. Pure.
import { formatLocal } from '../scheduling/london-time';

export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000;

export type ReminderDecision =
  | { allowed: true }
  | {
      allowed: false;
      reason: string;
      code: 'already_shared' | 'quiet_period' | 'reminded_recently';
      retryAt?: Date;
    };

export function reminderDecision({
  shared,
  quietReason,
  lastRemindedAt,
  now,
}: {
  shared: boolean;
  /** Why the partner may not share now (its blackout, a pause); null when it may. */
  quietReason: string | null;
  lastRemindedAt: Date | null;
  now: Date;
}): ReminderDecision {
  if (shared)
    return {
      allowed: false,
      code: 'already_shared',
      reason: 'They have shared this message already.',
    };
  if (quietReason !== null)
    return {
      allowed: false,
      code: 'quiet_period',
      reason: `Nothing is shared now. ${quietReason}`,
    };
  if (lastRemindedAt !== null) {
    const retryAt = new Date(lastRemindedAt.getTime() + REMINDER_INTERVAL_MS);
    if (retryAt > now)
      return {
        allowed: false,
        code: 'reminded_recently',
        retryAt,
        reason: `Already reminded on ${formatLocal(lastRemindedAt)}: one reminder a day per message. The next may be sent from ${formatLocal(retryAt)}.`,
      };
  }
  return { allowed: true };
}
