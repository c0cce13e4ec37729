import { describe, expect, it } from 'vitest';
import { readFilter, unreadParameter } from './read-filter';

describe('the Show filter', () => {
  it('asks for unread ones, read ones, or both', () => {
    expect(unreadParameter(readFilter('unread'))).toBe('true');
    expect(unreadParameter(readFilter('read'))).toBe('false');
    expect(unreadParameter(readFilter('all'))).toBeUndefined();
  });

  it('shows all for a filter it does not know, or none', () => {
    expect(readFilter('everything')).toBe('all');
    expect(readFilter(undefined)).toBe('all');
  });
});
