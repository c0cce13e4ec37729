// The amplification view's shapes (issue 11, point 3), for the API (OpenAPI) and the page alike.
import { z } from 'zod';
import { OrganisationSlug, RecordId } from '../api/record-id';
import { Platform } from '../platforms/types';

// The years the campaign's dates may take (lib/campaigns/campaign-schemas.ts): PostgreSQL has no
// year 0, and a week far outside them is a mistake.
export const UkDate = z
  .string()
  .regex(/^20\d{2}-\d{2}-\d{2}$/, 'must be a UK date, YYYY-MM-DD, in the years 2000 to 2099');

export const AmplificationQuery = z.object({
  campaignId: RecordId.optional().meta({
    description: 'the campaign; the newest active one when absent',
  }),
  week: UkDate.optional().meta({
    description: 'any day of the week (Monday to Sunday, UK); this week when absent',
  }),
});
export type AmplificationQuery = z.infer<typeof AmplificationQuery>;

/** How a partner carried a message: its own connected channel, a share pack, or "I shared this". */
export const SHARE_PATHS = ['channel', 'pack', 'link'] as const;
export const SharePath = z.enum(SHARE_PATHS);
export type SharePath = z.infer<typeof SharePath>;

export const SHARE_PATH_LABELS: Record<SharePath, string> = {
  channel: 'Scheduled on a connected channel',
  pack: 'Share pack downloaded',
  link: 'Shared without connecting',
};

const Figure = z.number().int().nullable();

export const AmplificationRow = z.object({
  organisation: z.object({ slug: z.string(), name: z.string() }),
  message: z.object({ id: z.string(), title: z.string() }),
  shared: z.boolean(),
  paths: z.array(SharePath),
  /** Posts on the partner's connected channels: scheduled, publishing or published. */
  posts: z.array(z.object({ platform: Platform, status: z.string() })),
  packDownloads: z.number().int().min(0),
  /**
   * "I shared this", with the link when the partner gave one, and the figures read from a public
   * link (Bluesky, Mastodon): `polledAt` when last read, `unreadable` why it cannot be.
   */
  links: z.array(
    z.object({
      platform: Platform,
      url: z.string().nullable(),
      views: Figure,
      engagements: Figure,
      polledAt: z.iso.datetime().nullable(),
      unreadable: z.string().nullable(),
    }),
  ),
  /** Summed over the channel posts' latest figures and the links read; null when none reports it. */
  views: Figure,
  engagements: Figure,
  /** The part of views and engagements read from links shared without connecting. */
  linkViews: Figure,
  linkEngagements: Figure,
  /** When a lead last reminded the partner about this message; null when never. */
  remindedAt: z.iso.datetime().nullable(),
  /** Whether a reminder may be sent now, and when not, why. */
  remind: z.object({ allowed: z.boolean(), reason: z.string().nullable() }),
});
export type AmplificationRow = z.infer<typeof AmplificationRow>;

export const AmplificationView = z
  .object({
    campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
    week: z.object({ monday: UkDate, label: z.string() }),
    /** The week's messages: approved that week, or else the newest approved before its end. */
    messages: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        approvedAt: z.iso.datetime().nullable(),
        partners: z.number().int(),
        shared: z.number().int(),
      }),
    ),
    rows: z.array(AmplificationRow),
    totals: z.object({
      partners: z.number().int(),
      pairs: z.number().int(),
      shared: z.number().int(),
      byPath: z.record(SharePath, z.number().int()),
      views: Figure,
      engagements: Figure,
      linkViews: Figure,
      linkEngagements: Figure,
    }),
  })
  .meta({ id: 'Amplification' });
export type AmplificationView = z.infer<typeof AmplificationView>;

export const RemindRequest = z
  .strictObject({
    organisation: OrganisationSlug.meta({ description: 'the partner organisation’s slug' }),
    messageId: RecordId,
  })
  .meta({ id: 'RemindRequest' });
export type RemindRequest = z.infer<typeof RemindRequest>;

export const RemindAnswer = z
  .object({
    organisation: z.object({ slug: z.string(), name: z.string() }),
    messageId: z.string(),
    remindedAt: z.iso.datetime(),
    /** The same partner may be reminded about the same message again from then. */
    nextReminderAt: z.iso.datetime(),
  })
  .meta({ id: 'RemindAnswer' });
export type RemindAnswer = z.infer<typeof RemindAnswer>;
