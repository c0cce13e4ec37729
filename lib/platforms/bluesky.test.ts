import { describe, expect, it } from 'vitest';
import { blueskyRules } from './bluesky';

describe('Bluesky rules', () => {
  it('allows 300 graphemes and not 301', () => {
    expect(blueskyRules.limit).toBe(300);
    expect(blueskyRules.count('a'.repeat(300))).toBe(300);
    expect(blueskyRules.count('a'.repeat(301))).toBe(301);
  });

  it('counts what the reader sees as one character as one', () => {
    expect(blueskyRules.count('👨‍👩‍👧‍👦'.repeat(300))).toBe(300);
    expect(blueskyRules.count('🇬🇧🇺🇦')).toBe(2);
    expect(blueskyRules.count('e\u0301')).toBe(1);
    expect(blueskyRules.count('日本語')).toBe(3);
    expect(blueskyRules.count('line\r\nbreak')).toBe(10);
  });

  it('also caps the text at 3,000 UTF-8 bytes', () => {
    expect(blueskyRules.textByteLimit).toBe(3_000);
  });

  it('counts a link in full: Bluesky does not shorten links', () => {
    expect(blueskyRules.count('https://get-help.stopitnow.org.uk')).toBe(33);
    expect(blueskyRules.linksClickable).toBe(true);
  });

  it('shows the signpost link as short text, the tagged URL going in a facet', () => {
    expect(blueskyRules.linkText).toBe('short');
  });

  it('takes up to 4 images of 1,000,000 bytes', () => {
    expect(blueskyRules.media).toMatchObject({ maxImages: 4, maxBytes: 1_000_000 });
  });
});
