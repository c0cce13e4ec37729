import { describe, expect, it } from 'vitest';
import { changedFields, fieldLabel } from './audit-changes';

describe('changedFields', () => {
  it('names only the fields that changed, nested ones by their path', () => {
    const before = { title: 'Old', body: 'Same', overrides: { x: 'Short' }, updatedAt: '1' };
    const after = { title: 'New', body: 'Same', overrides: { x: 'Shorter' }, updatedAt: '2' };
    expect(changedFields(before, after)).toEqual([
      { field: 'title', label: 'Title', before: 'Old', after: 'New' },
      { field: 'overrides.x', label: 'Text on X', before: 'Short', after: 'Shorter' },
    ]);
  });

  it('shows every field of a creation as new', () => {
    expect(changedFields(null, { status: 'scheduled', attempts: 0 })).toEqual([
      { field: 'status', label: 'Status', before: null, after: 'scheduled' },
      { field: 'attempts', label: 'Attempts', before: null, after: '0' },
    ]);
  });

  it('keeps text exactly as it was typed', () => {
    expect(changedFields({ body: 'a' }, { body: '<script>alert(1)</script>' })).toEqual([
      { field: 'body', label: 'Text', before: 'a', after: '<script>alert(1)</script>' },
    ]);
  });

  it('names fields in words and shows times in UK time and flags as yes or no', () => {
    expect(
      changedFields(
        {
          scheduledAt: '2026-07-01T08:00:00.000Z',
          shareable: false,
          wording: { bluesky: { short: 'a' } },
        },
        {
          scheduledAt: '2026-07-01T09:30:00.000Z',
          shareable: true,
          wording: { bluesky: { short: 'b' } },
        },
      ),
    ).toEqual([
      {
        field: 'scheduledAt',
        label: 'Time',
        before: 'Wed 1 Jul 2026, 09:00 BST',
        after: 'Wed 1 Jul 2026, 10:30 BST',
      },
      { field: 'shareable', label: 'Shareable with partners', before: 'No', after: 'Yes' },
      { field: 'wording.bluesky.short', label: 'Bluesky wording, short', before: 'a', after: 'b' },
    ]);
    expect(fieldLabel('postsHeld')).toBe('Posts held');
  });
});
