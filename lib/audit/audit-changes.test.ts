import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-changes';

describe('changedFields', () => {
  it('names only the fields that changed, nested ones by their path', () => {
    const before = { title: 'Old', body: 'Same', overrides: { x: 'Short' }, updatedAt: '1' };
    const after = { title: 'New', body: 'Same', overrides: { x: 'Shorter' }, updatedAt: '2' };
    expect(changedFields(before, after)).toEqual([
      { field: 'title', before: 'Old', after: 'New' },
      { field: 'overrides.x', before: 'Short', after: 'Shorter' },
    ]);
  });

  it('shows every field of a creation as new', () => {
    expect(changedFields(null, { status: 'scheduled', attempts: 0 })).toEqual([
      { field: 'status', before: null, after: 'scheduled' },
      { field: 'attempts', before: null, after: '0' },
    ]);
  });

  it('keeps text exactly as it was typed', () => {
    expect(changedFields({ body: 'a' }, { body: '<script>alert(1)</script>' })).toEqual([
      { field: 'body', before: 'a', after: '<script>alert(1)</script>' },
    ]);
  });
});
