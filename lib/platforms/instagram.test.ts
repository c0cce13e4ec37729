import { describe, expect, it } from 'vitest';
import { instagramRules } from './instagram';

describe('Instagram rules', () => {
  it('allows a 2,200-character caption and not 2,201', () => {
    expect(instagramRules.limit).toBe(2_200);
    expect(instagramRules.count('a'.repeat(2_200))).toBe(2_200);
    expect(instagramRules.count('a'.repeat(2_201))).toBe(2_201);
  });

  it('counts an emoji as 2 (the stricter reading of "characters")', () => {
    expect(instagramRules.count('a'.repeat(2_198) + '👍')).toBe(2_200);
    expect(instagramRules.count('🇬🇧')).toBe(4);
  });

  it('does not make caption links clickable', () => {
    expect(instagramRules.linksClickable).toBe(false);
  });

  it('requires an image and takes up to 10 of 8 MB', () => {
    expect(instagramRules.media).toMatchObject({
      requiresImage: true,
      maxImages: 10,
      maxBytes: 8_000_000,
    });
  });
});
