import { describe, expect, it } from 'vitest';
import { xRules } from './x';

const longUrl = `https://get-help.stopitnow.org.uk/?utm_source=x&utm_medium=social&utm_campaign=${'c'.repeat(60)}`;

describe('X rules', () => {
  it('allows 280 characters and not 281', () => {
    expect(xRules.limit).toBe(280);
    expect(xRules.count('a'.repeat(280))).toBe(280);
    expect(xRules.count('a'.repeat(281))).toBe(281);
  });

  it('counts every link as 23, however long', () => {
    expect(longUrl.length).toBeGreaterThan(100);
    expect(xRules.count(longUrl)).toBe(23);
    expect(xRules.count(`${'a'.repeat(256)} ${longUrl}`)).toBe(280);
    expect(xRules.count('https://e.co')).toBe(23);
  });

  it('counts a link typed without https:// as 23 too, as X links it', () => {
    expect(xRules.count('get-help.stopitnow.org.uk')).toBe(23);
  });

  it('weighs emoji as 2, including ZWJ sequences, flags and skin tones', () => {
    expect(xRules.count('😀')).toBe(2);
    expect(xRules.count('👨‍👩‍👧‍👦')).toBe(2);
    expect(xRules.count('🇬🇧')).toBe(2);
    expect(xRules.count('👍🏽')).toBe(2);
    expect(xRules.count('😀'.repeat(140))).toBe(280);
  });

  it('weighs CJK characters as 2 and Latin accents as 1', () => {
    expect(xRules.count('日'.repeat(140))).toBe(280);
    expect(xRules.count('한국어')).toBe(6);
    expect(xRules.count('café')).toBe(4);
  });

  it('counts a letter with a combining accent as one, as X normalises it', () => {
    expect(xRules.count('e\u0301')).toBe(1);
  });

  it('counts mentions and hashtags as typed', () => {
    expect(xRules.count('@lancspolice #StopItNow')).toBe(23);
  });

  it('makes links clickable and takes up to 4 images of 5 MB', () => {
    expect(xRules.linksClickable).toBe(true);
    expect(xRules.media).toMatchObject({ maxImages: 4, maxBytes: 5_000_000, requiresImage: false });
  });
});
