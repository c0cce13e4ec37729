import { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { PauseScope, pauseInForce } from '../scheduling/holds';

export const PauseView = z
  .object({
    id: z.string(),
    scope: PauseScope,
    organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
    channel: z.object({ id: z.string(), handle: z.string(), platform: z.string() }).nullable(),
    campaign: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
    reason: z.string(),
    createdBy: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime().nullable(),
    liftedAt: z.iso.datetime().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Pause' });
export type PauseView = z.infer<typeof PauseView>;

export const PAUSE_VIEW_SELECT = {
  id: true,
  scope: true,
  reason: true,
  createdById: true,
  startsAt: true,
  endsAt: true,
  liftedAt: true,
  organisation: { select: { id: true, slug: true, name: true } },
  channel: { select: { id: true, handle: true, platform: true } },
  campaign: { select: { id: true, slug: true, name: true } },
} satisfies Prisma.PauseSelect;

type PauseRow = Prisma.PauseGetPayload<{ select: typeof PAUSE_VIEW_SELECT }>;

/** Where a pause is in force, for the database: holds.ts's pauseInForce as a filter. */
export const activePauseWhere = (now: Date): Prisma.PauseWhereInput => ({
  liftedAt: null,
  startsAt: { lte: now },
  OR: [{ endsAt: null }, { endsAt: { gt: now } }],
});

export function toPauseView(row: PauseRow, createdBy: string, now: Date): PauseView {
  return {
    id: row.id,
    scope: row.scope,
    organisation: row.organisation,
    channel: row.channel,
    campaign: row.campaign,
    reason: row.reason,
    createdBy,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    liftedAt: row.liftedAt?.toISOString() ?? null,
    active: pauseInForce(row, now),
  };
}
