import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrganisationSlug, suggestOrganisationSlug } from './organisation-slug';

describe('organisation slugs', () => {
  it('accepts lowercase words joined by single hyphens', () => {
    for (const slug of ['lancashire', 'greater-manchester', 'nwrocu', 'west-mercia-2'])
      expect(OrganisationSlug.safeParse(slug).success).toBe(true);
  });

  it('refuses capitals, spaces, edge or double hyphens, one letter and overlong slugs', () => {
    for (const slug of [
      'Lancashire',
      'greater manchester',
      '-lancs',
      'lancs-',
      'a--b',
      'x',
      'a'.repeat(61),
    ])
      expect(OrganisationSlug.safeParse(slug).success).toBe(false);
  });

  it('suggests the distinctive part of a force’s name', () => {
    expect(suggestOrganisationSlug('Lancashire Constabulary')).toBe('lancashire');
    expect(suggestOrganisationSlug('Avon & Somerset Police')).toBe('avon-and-somerset');
    expect(suggestOrganisationSlug('Police Service of Northern Ireland')).toBe(
      'of-northern-ireland',
    );
  });

  it('always suggests a slug the rules accept, whatever the name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        expect(OrganisationSlug.safeParse(suggestOrganisationSlug(name)).success).toBe(true);
      }),
    );
  });
});
