// What "Ready to schedule" answers (GET /api/v1/ready and the page): the query, and per message
// each channel's standing, render check, suggested times and warnings.
import { z } from 'zod';
import { ListQuery } from '../api/pagination';
import { Theme } from '../campaigns/campaign-schemas';
import { Platform } from '../platforms/types';
import { PostListQuery } from './list-posts';

export const ReadyQuery = ListQuery.extend({
  organisation: z.string().max(100).optional().meta({
    description:
      'organisation slug; optional when the caller schedules for one organisation only (campaign leads: their own unless they name another)',
  }),
  campaignId: PostListQuery.shape.campaignId,
  /** Only channels on these platforms (comma-separated). */
  platform: PostListQuery.shape.platform,
});
export type ReadyQuery = z.infer<typeof ReadyQuery>;

const ReadyChannel = z.object({
  id: z.string(),
  platform: Platform,
  handle: z.string(),
  /** Nothing of the message is on this channel's schedule: it can be scheduled here. */
  waiting: z.boolean(),
  /** Whether it renders within the platform's rules with the signpost (as the preview says). */
  valid: z.boolean(),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
  /** Free times at the organisation's usual hours; none when it is not waiting or not valid. */
  slots: z.array(
    z.object({ scheduledAt: z.iso.datetime(), label: z.string(), reason: z.string() }),
  ),
  warnings: z.array(z.string()),
  /** Its posts here still to go out. */
  scheduledAt: z.array(z.iso.datetime()),
  lastPublishedAt: z.iso.datetime().nullable(),
});

export const ReadyMessage = z
  .object({
    id: z.string(),
    title: z.string(),
    theme: Theme,
    shareable: z.boolean(),
    approvedAt: z.iso.datetime(),
    campaign: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    channels: z.array(ReadyChannel),
  })
  .meta({ id: 'ReadyMessage' });
export type ReadyMessage = z.infer<typeof ReadyMessage>;

export const ReadyList = z
  .object({
    organisation: z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      kind: z.enum(['force', 'regional_unit', 'partner']),
    }),
    items: z.array(ReadyMessage),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ReadyToSchedule' });
export type ReadyList = z.infer<typeof ReadyList>;
