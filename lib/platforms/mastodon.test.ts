import { describe, expect, it } from 'vitest';
import { mastodonRules } from './mastodon';

const longUrl = `https://get-help.stopitnow.org.uk/?utm_source=mastodon&utm_content=${'o'.repeat(80)}`;

describe('Mastodon rules', () => {
  it('allows 500 characters and not 501', () => {
    expect(mastodonRules.limit).toBe(500);
    expect(mastodonRules.count('a'.repeat(500))).toBe(500);
    expect(mastodonRules.count('a'.repeat(501))).toBe(501);
  });

  it('counts every link as 23, however long', () => {
    expect(mastodonRules.count(longUrl)).toBe(23);
    expect(mastodonRules.count('https://e.co')).toBe(23);
    expect(mastodonRules.count(`${'a'.repeat(476)} ${longUrl}`)).toBe(500);
    expect(mastodonRules.count(`See ${longUrl} and ${longUrl}.`)).toBe(4 + 23 + 5 + 23 + 1);
  });

  it('counts a link typed without a protocol in full, as Mastodon does not link it', () => {
    expect(mastodonRules.count('get-help.stopitnow.org.uk')).toBe(25);
  });

  it('counts @user@server as @user', () => {
    expect(mastodonRules.count('@lancspolice@mastodon.social')).toBe(12);
    expect(mastodonRules.count('Thanks @nwrocu@police.example.uk!')).toBe(7 + 7 + 1);
    expect(mastodonRules.count('@local')).toBe(6);
  });

  it('does not take an email address for a mention', () => {
    expect(mastodonRules.count('help@example.org')).toBe(16);
  });

  it('counts graphemes: a ZWJ family, a flag and an accented letter are one each', () => {
    expect(mastodonRules.count('👨‍👩‍👧🇬🇧e\u0301')).toBe(3);
    expect(mastodonRules.count('日本語')).toBe(3);
  });

  it('makes links clickable and takes up to 4 images', () => {
    expect(mastodonRules.linksClickable).toBe(true);
    expect(mastodonRules.media.maxImages).toBe(4);
  });
});
