// Organisation slugs: the organisation in URLs, API filters (`?organisation=lancashire`) and CSV
// imports, so they follow the campaign slugs' rules (lowercase words joined by single hyphens) and
// never change once made. Pure.
import { z } from 'zod';
import { SLUG_PATTERN, slugFromName } from '../campaigns/campaign-slug';

export const ORGANISATION_SLUG_MAX_LENGTH = 60;

export const OrganisationSlug = z
  .string()
  .trim()
  .min(2, 'A slug has at least 2 characters, such as “lancashire”.')
  .max(ORGANISATION_SLUG_MAX_LENGTH, `Keep the slug to ${ORGANISATION_SLUG_MAX_LENGTH} characters.`)
  .regex(
    SLUG_PATTERN,
    'Use lowercase letters and digits, with single hyphens between words (“greater-manchester”).',
  );

/** A slug to offer for a new organisation's name: "Avon & Somerset Police" → "avon-and-somerset". */
export function suggestOrganisationSlug(name: string): string {
  // slugFromName's word for a name with no letters is "campaign"; ours is "organisation".
  const base = /[\p{L}\p{N}]/u.test(name) ? slugFromName(name) : 'organisation';
  const words = base.split('-').filter((word) => !GENERIC_WORDS.has(word));
  const slug = (words.length > 0 ? words.join('-') : base).slice(0, ORGANISATION_SLUG_MAX_LENGTH);
  return slug.replace(/-+$/, '').padEnd(2, '0');
}

// Words every force's name carries: "lancashire" says all that "lancashire-constabulary" does.
const GENERIC_WORDS = new Set(['police', 'constabulary', 'service', 'the']);
