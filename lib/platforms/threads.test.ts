import { describe, expect, it } from 'vitest';
import { threadsRules } from './threads';

describe('Threads rules', () => {
  it('allows 500 characters and not 501', () => {
    expect(threadsRules.limit).toBe(500);
    expect(threadsRules.count('a'.repeat(500))).toBe(500);
    expect(threadsRules.count('a'.repeat(501))).toBe(501);
  });

  it.each([
    ['a thumbs up', '👍', 4],
    ['a red heart with its variation selector', '❤️', 6],
    ['a skin-tone thumbs up', '👍🏽', 8],
    ['a ZWJ family', '👨‍👩‍👧', 18],
    ['a flag', '🇬🇧', 8],
    ['a keycap', '1️⃣', 7],
  ])('counts %s as its UTF-8 bytes', (_name, emoji, bytes) => {
    expect(threadsRules.count(emoji)).toBe(bytes);
  });

  it('counts other characters once each, CJK and accented letters included', () => {
    expect(threadsRules.count('日本語')).toBe(3);
    expect(threadsRules.count('café')).toBe(4);
    expect(threadsRules.count('e\u0301')).toBe(2);
    expect(threadsRules.count('𝐁')).toBe(1);
  });

  it('mixes both ways of counting in one text', () => {
    expect(threadsRules.count('Help 👍 日本')).toBe(5 + 4 + 1 + 2);
  });

  it('puts the boundary where the bytes say: 125 thumbs up fit, 126 do not', () => {
    expect(threadsRules.count('👍'.repeat(125))).toBe(500);
    expect(threadsRules.count('👍'.repeat(126))).toBe(504);
    expect(threadsRules.count(`${'a'.repeat(496)}👍`)).toBe(500);
    expect(threadsRules.count(`${'a'.repeat(497)}👍`)).toBe(501);
  });

  it('counts links in full and makes them clickable', () => {
    expect(threadsRules.count('https://e.co/abc')).toBe(16);
    expect(threadsRules.linksClickable).toBe(true);
  });
});
