// What a campaign is at the edges: the input a campaign lead sends, and the view every reader
// gets. Schemas and their types travel together; the route handlers and server actions parse
// with these, the lib functions take the parsed values.
import { z } from 'zod';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './campaign-slug';

/** The campaign's five aims (CAMPAIGN.md), which are also the themes of its messages. */
export const THEMES = ['awareness', 'harm', 'enforcement', 'consequences', 'help'] as const;

const THEME_LIST = 'awareness, harm, enforcement, consequences or help';

export const Theme = z.enum(THEMES, {
  // Only text is echoed: String() of an object whose toString is not a function throws, which
  // made a request with `"theme": {"toString": 1}` a 500 (found by the fuzz suite, issue 8).
  error: (issue) =>
    issue.input === undefined
      ? 'is required'
      : typeof issue.input === 'string'
        ? `is "${issue.input}", which is not a theme: use ${THEME_LIST}`
        : `must be one of ${THEME_LIST}`,
});
export type Theme = z.infer<typeof Theme>;

/** Each theme as people name it, for every page, export and report. */
export const THEME_LABELS: Record<Theme, string> = {
  awareness: 'Awareness',
  harm: 'Harm',
  enforcement: 'Enforcement',
  consequences: 'Consequences',
  help: 'Help',
};

export const CampaignStatus = z.enum(['active', 'archived']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** An instant with its offset; stored in UTC. */
const Instant = z.iso
  .datetime({ offset: true, error: 'must be a time with its offset, such as 2026-01-15T09:00:00Z' })
  .transform((text) => new Date(text))
  // PostgreSQL has no year 0, and a campaign dated in another century is a typing slip.
  .refine(
    (instant) => instant.getUTCFullYear() >= 2000 && instant.getUTCFullYear() <= 2099,
    'must be between the years 2000 and 2099',
  );

const Name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters');
const Description = z.string().trim().max(2000, 'must be at most 2,000 characters');
const Slug = z
  .string()
  .min(2, 'must be at least 2 characters')
  .max(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`)
  .regex(
    SLUG_PATTERN,
    'must be lower-case letters and digits joined by single dashes, such as north-west-2026',
  );
const Themes = z
  .array(Theme)
  .min(1, 'must name at least one theme')
  .max(THEMES.length)
  .refine((themes) => new Set(themes).size === themes.length, 'must not name a theme twice');

const endsAfterStarts = (campaign: { startsAt?: Date; endsAt?: Date }) =>
  campaign.startsAt === undefined ||
  campaign.endsAt === undefined ||
  campaign.endsAt > campaign.startsAt;
const ENDS_AFTER_STARTS = { message: 'must be after startsAt', path: ['endsAt'] };

export const CampaignInput = z
  .strictObject({
    name: Name,
    /** Made from the name when absent (and numbered if that is taken). */
    slug: Slug.optional(),
    description: Description.default(''),
    startsAt: Instant,
    endsAt: Instant,
    /** Every theme when absent. */
    themes: Themes.default([...THEMES]),
  })
  .refine(endsAfterStarts, ENDS_AFTER_STARTS)
  .meta({ id: 'CampaignInput' });
export type CampaignInput = z.infer<typeof CampaignInput>;

/**
 * A change to a campaign. The slug is not here on purpose: it is in the utm tags of every link
 * already published, and changing it would split the campaign's figures in two.
 */
export const CampaignChange = z
  .strictObject({
    name: Name.optional(),
    description: Description.optional(),
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
    themes: Themes.optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    message: 'send at least one of name, description, startsAt, endsAt or themes',
  })
  .refine(endsAfterStarts, ENDS_AFTER_STARTS)
  .meta({ id: 'CampaignChange' });
export type CampaignChange = z.infer<typeof CampaignChange>;

export const CampaignView = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    themes: z.array(Theme),
    status: CampaignStatus,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Campaign' });
export type CampaignView = z.infer<typeof CampaignView>;

export const CampaignListFilter = z.object({ status: CampaignStatus.optional() });
export type CampaignListFilter = z.infer<typeof CampaignListFilter>;

interface CampaignRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  themes: Theme[];
  status: CampaignStatus;
  createdAt: Date;
  updatedAt: Date;
}

export function toCampaignView(row: CampaignRow): CampaignView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    // In the campaign's own order of aims, whatever order they were sent in.
    themes: THEMES.filter((theme) => row.themes.includes(theme)),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
