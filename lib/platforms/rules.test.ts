import { describe, expect, it } from 'vitest';
import { platformRules, rulesFor } from './rules';
import { PLATFORMS } from './types';

describe('the platform rules registry', () => {
  it.each(PLATFORMS)('has rules for %s that name their own platform', (platform) => {
    expect(rulesFor(platform)).toBe(platformRules[platform]);
    expect(rulesFor(platform).platform).toBe(platform);
  });

  it('has no platform beyond the eight', () => {
    expect(Object.keys(platformRules).sort()).toEqual([...PLATFORMS].sort());
  });

  it.each(PLATFORMS)('gives %s a positive limit, a label and sane media rules', (platform) => {
    const rules = rulesFor(platform);
    expect(rules.limit).toBeGreaterThan(0);
    expect(rules.label).not.toBe('');
    expect(rules.countingNote).not.toBe('');
    expect(rules.media.maxImages).toBeGreaterThanOrEqual(1);
    expect(rules.media.maxBytes).toBeGreaterThanOrEqual(1_000_000);
    expect(rules.media.maxDimension).toBeGreaterThanOrEqual(1080);
    expect([...rules.media.mimeTypes].sort()).toEqual(['image/jpeg', 'image/png', 'image/webp']);
  });

  it('marks only Instagram as needing an image and as not linking URLs', () => {
    const needsImage = PLATFORMS.filter((platform) => rulesFor(platform).media.requiresImage);
    const noLinks = PLATFORMS.filter((platform) => !rulesFor(platform).linksClickable);
    expect(needsImage).toEqual(['instagram']);
    expect(noLinks).toEqual(['instagram']);
  });

  it('marks only Bluesky, whose links are facets beside the text, as showing short link text', () => {
    const short = PLATFORMS.filter((platform) => rulesFor(platform).linkText === 'short');
    expect(short).toEqual(['bluesky']);
  });
});
