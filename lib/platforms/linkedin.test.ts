import { describe, expect, it } from 'vitest';
import { escapeLinkedInCommentary, linkedinRules } from './linkedin';

describe('LinkedIn rules', () => {
  it('allows 3,000 characters and not 3,001', () => {
    expect(linkedinRules.limit).toBe(3_000);
    expect(linkedinRules.count('a'.repeat(3_000))).toBe(3_000);
    expect(linkedinRules.count('a'.repeat(3_001))).toBe(3_001);
  });

  it('counts what the reader sees, not the escaped commentary', () => {
    const text = '(call) [now] #help_me'.padEnd(3_000, '*');
    expect(linkedinRules.count(text)).toBe(3_000);
    expect(escapeLinkedInCommentary(text).length).toBeGreaterThan(3_000);
  });

  it('counts an emoji as 2', () => {
    expect(linkedinRules.count('👍')).toBe(2);
  });

  it('makes links clickable', () => {
    expect(linkedinRules.linksClickable).toBe(true);
  });
});

describe('escapeLinkedInCommentary', () => {
  it.each([...'\\|{}@[]()<>#*_~'])('escapes the reserved character %s with a backslash', (char) => {
    expect(escapeLinkedInCommentary(`a${char}b`)).toBe(`a\\${char}b`);
  });

  it('leaves ordinary text, punctuation, emoji and line breaks alone', () => {
    const text =
      'Help is available. Call 0808 1000 900! 100% free; "confidential" & anonymous 👍\n\nTa.';
    expect(escapeLinkedInCommentary(text)).toBe(text);
  });

  it('escapes a tagged link too, so LinkedIn does not cut the post at its underscores', () => {
    expect(escapeLinkedInCommentary('https://e.org/?utm_source=linkedin')).toBe(
      'https://e.org/?utm\\_source=linkedin',
    );
  });

  it('escapes a mention and a hashtag so they stay plain text', () => {
    expect(escapeLinkedInCommentary('@[Acme](urn:li:organization:1) #tag')).toBe(
      '\\@\\[Acme\\]\\(urn:li:organization:1\\) \\#tag',
    );
  });

  it('escapes an existing backslash before the character it precedes', () => {
    expect(escapeLinkedInCommentary('\\_')).toBe('\\\\\\_');
  });
});
