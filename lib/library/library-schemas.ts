// The library's shapes, for the API (OpenAPI) and the partner's home alike.
import { z } from 'zod';
import { Theme } from '../campaigns/campaign-schemas';
import { ListQuery, listOf } from '../api/pagination';
import { Platform } from '../platforms/types';
import { SHARE_URL_MAX_LENGTH } from './share-link';

export const LibraryQuery = ListQuery.extend({
  organisation: z
    .string({ error: 'is required: the slug of the organisation to render for' })
    .min(1)
    .max(100),
});
export type LibraryQuery = z.infer<typeof LibraryQuery>;

export const LibraryRender = z.object({
  /** Exactly what to post; empty when it may not be shared (see problems). */
  text: z.string(),
  valid: z.boolean(),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const LibraryImage = z.object({
  mediaId: z.string(),
  altText: z.string(),
  /** The image's own page address, for a thumbnail. */
  thumbnailUrl: z.string(),
  /** Each platform's copy, sized for it; absent where no copy fits the platform. */
  variants: z.partialRecord(Platform, z.string()),
});

export const LibraryShare = z.object({
  platform: Platform,
  url: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const LibraryItem = z
  .object({
    id: z.string(),
    title: z.string(),
    theme: Theme,
    campaign: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    approvedAt: z.iso.datetime().nullable(),
    /** Why nothing may be shared now (a blackout, a pause); null when it may. */
    heldReason: z.string().nullable(),
    signpostVersion: z.number().int(),
    renders: z.record(Platform, LibraryRender),
    images: z.array(LibraryImage),
    /** What this organisation has already shared of it, newest first. */
    shares: z.array(LibraryShare),
  })
  .meta({ id: 'LibraryItem' });
export type LibraryItem = z.infer<typeof LibraryItem>;

export const LibraryPage = listOf(LibraryItem).extend({
  organisation: z.object({ slug: z.string(), name: z.string(), area: z.string() }),
});
export type LibraryPage = z.infer<typeof LibraryPage>;

export const ShareRequest = z
  .strictObject({
    organisation: z.string().min(1).max(100).meta({ description: 'organisation slug' }),
    platform: Platform,
    url: z
      .string()
      .max(SHARE_URL_MAX_LENGTH, `must be at most ${SHARE_URL_MAX_LENGTH} characters`)
      .optional()
      .meta({ description: "https link to the post on that platform's own host" }),
  })
  .meta({ id: 'ShareRequest' });
export type ShareRequest = z.infer<typeof ShareRequest>;

export const ShareView = z
  .object({
    id: z.string(),
    messageId: z.string(),
    organisation: z.object({ slug: z.string(), name: z.string() }),
    platform: Platform,
    url: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Share' });
export type ShareView = z.infer<typeof ShareView>;

export const SharePackQuery = z.object({
  organisation: LibraryQuery.shape.organisation,
});

export const WeekPackQuery = z.object({
  organisation: LibraryQuery.shape.organisation,
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a UK date, YYYY-MM-DD')
    .optional()
    .meta({ description: 'any day of the week (Monday to Sunday, UK); this week when absent' }),
});
export type WeekPackQuery = z.infer<typeof WeekPackQuery>;
