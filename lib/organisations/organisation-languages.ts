// The languages an organisation must publish in (issue 13): English, or Welsh and English for a
// body bound by the Welsh Language Standards (North Wales Police, Welsh councils).
import { z } from 'zod';

export const OrganisationLanguages = z
  .array(z.enum(['cy', 'en'], { error: 'must be "en" or "cy"' }))
  .refine((languages) => languages.includes('en'), {
    message: 'must be ["en"] or ["cy", "en"]: every organisation publishes in English',
  })
  .refine((languages) => new Set(languages).size === languages.length, {
    message: 'must not name a language twice',
  })
  // Stored and answered Welsh first, as API.md gives it.
  .transform((languages): ('cy' | 'en')[] => (languages.includes('cy') ? ['cy', 'en'] : ['en']));
export type OrganisationLanguages = z.infer<typeof OrganisationLanguages>;

/** The languages as stored: anything but Welsh and English reads as English alone. */
export const languagesOf = (stored: readonly string[]): ('cy' | 'en')[] =>
  stored.includes('cy') ? ['cy', 'en'] : ['en'];

export const isBilingual = (stored: readonly string[]): boolean => stored.includes('cy');

/** Why a message without Welsh cannot go to this organisation. */
export const welshRequiredReason = (organisationName: string): string =>
  `${organisationName} publishes in Welsh and English: add the Welsh text`;
