import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeText, bellLabel, inAppHref, titleWithCount } from './bell-words';

describe('the bell', () => {
  it('shows the count up to 99, and 99+ past it', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (count) => {
        expect(badgeText(count).length).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('is named with the unread count, as the badge shows it', () => {
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(0)).toBe('Notifications, none unread');
    expect(bellLabel(250)).toBe('Notifications, 99+ unread');
  });
});

describe('a grouped notification’s title', () => {
  it('keeps a title that already carries the count', () => {
    expect(titleWithCount('14 posts held by the pause on every organisation', 14)).toBe(
      '14 posts held by the pause on every organisation',
    );
  });

  it('adds the count to a title without it, and only past one', () => {
    expect(titleWithCount('Posts failed on Lancashire’s X', 3)).toBe(
      'Posts failed on Lancashire’s X (3)',
    );
    expect(titleWithCount('A post failed', 1)).toBe('A post failed');
  });

  it('reads a large count written with a thousands comma', () => {
    expect(titleWithCount('1,204 posts could not be published', 1204)).toBe(
      '1,204 posts could not be published',
    );
    expect(titleWithCount('Posts held', 1204)).toBe('Posts held (1,204)');
  });

  it('does not mistake another number for the count', () => {
    expect(titleWithCount('140 characters is too long for post 2', 14)).toBe(
      '140 characters is too long for post 2 (14)',
    );
  });
});

describe('where a notification leads', () => {
  it('follows a path in the app', () => {
    expect(inAppHref('/messages/abc')).toBe('/messages/abc');
    expect(inAppHref('/schedule?view=attention')).toBe('/schedule?view=attention');
  });

  it('never leaves the app or runs a script, whatever the link says', () => {
    for (const link of ['javascript:alert(1)', '//evil.example', '/\\evil.example', 'https://x'])
      expect(inAppHref(link)).toBe('/notifications');
    fc.assert(
      fc.property(fc.string(), (link) => {
        const href = inAppHref(link);
        expect(href.startsWith('/')).toBe(true);
        expect(href.startsWith('//') || href.startsWith('/\\')).toBe(false);
      }),
    );
  });
});
