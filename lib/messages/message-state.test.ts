import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES, type MessageStatus } from './message-schemas';
import { MESSAGE_ACTIONS, type MessageAction, messageTransition } from './message-state';

// Every status × action, written out by hand: a change to the rules must be made here too, on
// purpose. A status is where the message goes; "-" is a refusal.
// prettier-ignore
const EXPECTED: Record<MessageStatus, Record<MessageAction, MessageStatus | '-'>> = {
  draft:     { edit: 'draft', submit: 'in_review', approve: '-',        reject: '-',     new_version: '-',        comment: 'draft' },
  in_review: { edit: '-',     submit: '-',         approve: 'approved', reject: 'draft', new_version: '-',        comment: 'in_review' },
  approved:  { edit: '-',     submit: '-',         approve: '-',        reject: '-',     new_version: 'approved', comment: 'approved' },
  archived:  { edit: '-',     submit: '-',         approve: '-',        reject: '-',     new_version: '-',        comment: 'archived' },
};

describe('messageTransition', () => {
  for (const status of MESSAGE_STATUSES) {
    for (const action of MESSAGE_ACTIONS) {
      const expected = EXPECTED[status][action];
      it(`${action} on a ${status} message ${expected === '-' ? 'is refused' : `leaves it ${expected}`}`, () => {
        const result = messageTransition(status, action);
        if (expected === '-') {
          expect(result.ok).toBe(false);
          // A refusal is shown to a person: it must say something, in a sentence.
          if (!result.ok) expect(result.reason).toMatch(/^[A-Z].{20,}\.$/);
        } else {
          expect(result).toEqual({ ok: true, status: expected });
        }
      });
    }
  }

  it('tells the editor of an approved message to make a new version', () => {
    expect(messageTransition('approved', 'edit')).toMatchObject({
      reason: expect.stringContaining('new version'),
    });
  });

  it('tells the editor of a message in review that it must be sent back first', () => {
    expect(messageTransition('in_review', 'edit')).toMatchObject({
      reason: expect.stringContaining('back to draft'),
    });
  });
});
