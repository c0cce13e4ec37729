import { describe, expect, it } from 'vitest';
import { nextdoorRules } from './nextdoor';

describe('Nextdoor rules', () => {
  it('allows 8,192 characters in an agency post and not 8,193', () => {
    expect(nextdoorRules.limit).toBe(8_192);
    expect(nextdoorRules.count('a'.repeat(8_192))).toBe(8_192);
    expect(nextdoorRules.count('a'.repeat(8_193))).toBe(8_193);
  });

  it('counts an emoji as 2 and links in full', () => {
    expect(nextdoorRules.count('👍')).toBe(2);
    expect(nextdoorRules.count('https://e.co/abc')).toBe(16);
  });

  it('makes links clickable', () => {
    expect(nextdoorRules.linksClickable).toBe(true);
  });
});
