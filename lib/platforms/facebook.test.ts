import { describe, expect, it } from 'vitest';
import { facebookRules } from './facebook';

describe('Facebook rules', () => {
  it('allows 63,206 characters and not 63,207', () => {
    expect(facebookRules.limit).toBe(63_206);
    expect(facebookRules.count('a'.repeat(63_206))).toBe(63_206);
    expect(facebookRules.count('a'.repeat(63_207))).toBe(63_207);
  });

  it('counts links in full, as Facebook does not shorten them', () => {
    expect(facebookRules.count('https://get-help.stopitnow.org.uk')).toBe(33);
  });

  it('counts an emoji as 2 and CJK or combining marks as typed (the stricter reading)', () => {
    expect(facebookRules.count('👍')).toBe(2);
    expect(facebookRules.count('👨‍👩‍👧')).toBe(8);
    expect(facebookRules.count('日本')).toBe(2);
    expect(facebookRules.count('e\u0301')).toBe(2);
  });

  it('makes links clickable and does not require an image', () => {
    expect(facebookRules.linksClickable).toBe(true);
    expect(facebookRules.media.requiresImage).toBe(false);
    expect(facebookRules.media.maxBytes).toBe(4_000_000);
  });
});
