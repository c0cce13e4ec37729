import { describe, expect, it } from 'vitest';
import { warningsStillApply } from './review-words';

describe('the approval toast', () => {
  it('agrees in number with its warnings', () => {
    expect(warningsStillApply(0)).toBeUndefined();
    expect(warningsStillApply(1)).toBe(
      'One warning still applies; it does not stop the message being published elsewhere.',
    );
    expect(warningsStillApply(3)).toBe(
      '3 warnings still apply; they do not stop the message being published elsewhere.',
    );
  });
});
