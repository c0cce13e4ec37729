// Taking a pause: global, one organisation, one channel or one campaign, with a reason. The
// workers read pauses fresh right before every platform call, so nothing in scope starts
// publishing once the pause is written. A call already under way when it is written may still
// land; this function waits for those (bounded by PAUSE_SETTLE_SECONDS) before answering, so
// when a person sees "paused", nothing in scope is published afterwards.
import { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { can, organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { parseScheduleTime } from '../scheduling/london-time';
import { PauseScope } from '../scheduling/holds';
import { PAUSE_VIEW_SELECT, toPauseView, type PauseView } from './pause-view';
import { postsCoveredBy } from './pause-scope';

export const PauseRequest = z
  .strictObject({
    scope: PauseScope,
    organisation: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'organisation slug, for scope "organisation"' }),
    channelId: z.string().min(1).max(64).optional(),
    campaignId: z.string().min(1).max(64).optional(),
    reason: z.string().trim().min(3, 'Say why, so others know (at least 3 characters).').max(500),
    endsAt: z
      .string()
      .max(64)
      .optional()
      .meta({ description: 'ISO 8601 with offset; the pause ends by itself then' }),
  })
  .meta({ id: 'PauseRequest' });
export type PauseRequest = z.infer<typeof PauseRequest>;

const SCOPE_FIELD = {
  organisation: 'organisation',
  channel: 'channelId',
  campaign: 'campaignId',
} as const;

async function resolveScope(actor: Actor, request: PauseRequest) {
  if (request.scope !== 'global') {
    const field = SCOPE_FIELD[request.scope];
    if (!request[field])
      throw new AppError(
        'validation_failed',
        `A ${request.scope} pause must say which ${request.scope}.`,
        { [field]: 'is required for this scope' },
      );
  }
  for (const [scope, field] of Object.entries(SCOPE_FIELD)) {
    if (scope !== request.scope && request[field]) {
      throw new AppError(
        'validation_failed',
        `${field} does not belong in a ${request.scope} pause.`,
        { [field]: `only for scope "${scope}"` },
      );
    }
  }
  switch (request.scope) {
    case 'global':
      return { data: {}, organisationId: null, label: 'every organisation' };
    case 'organisation': {
      const organisation = await db.organisation.findUnique({
        where: { slug: request.organisation },
        select: { id: true, name: true },
      });
      if (!organisation)
        throw new AppError('validation_failed', `Unknown organisation: ${request.organisation}.`, {
          organisation: 'unknown',
        });
      return {
        data: { organisationId: organisation.id },
        organisationId: organisation.id,
        label: organisation.name,
      };
    }
    case 'channel': {
      const scope = organisationScope(actor, 'channel.read');
      const channel = await db.channel.findFirst({
        where: {
          id: request.channelId,
          ...(scope === 'all' ? {} : { organisationId: { in: scope } }),
        },
        select: { id: true, organisationId: true, handle: true },
      });
      if (!channel) throw new AppError('not_found', 'That channel was not found.');
      return {
        data: { channelId: channel.id },
        organisationId: channel.organisationId,
        label: channel.handle,
      };
    }
    case 'campaign': {
      const campaign = await db.campaign.findUnique({
        where: { id: request.campaignId },
        select: { id: true, name: true },
      });
      if (!campaign) throw new AppError('not_found', 'That campaign was not found.');
      return { data: { campaignId: campaign.id }, organisationId: null, label: campaign.name };
    }
  }
}

export async function createPause(
  actor: Actor,
  audit: AuditActor,
  request: PauseRequest,
  now = new Date(),
): Promise<PauseView & { settled: boolean }> {
  const target = await resolveScope(actor, request);
  if (!can(actor, 'pause.manage', { organisationId: target.organisationId })) {
    throw new AppError('forbidden', `You may not pause ${target.label}.`);
  }
  let endsAt: Date | null = null;
  if (request.endsAt !== undefined) {
    const parsed = parseScheduleTime(request.endsAt);
    if (parsed.kind !== 'ok')
      throw new AppError('validation_failed', parsed.message, { endsAt: parsed.message });
    if (parsed.instant <= now)
      throw new AppError('validation_failed', 'The pause would end before it starts.', {
        endsAt: 'must be in the future',
      });
    endsAt = parsed.instant;
  }
  const pause = await db.$transaction(async (tx) => {
    const created = await tx.pause.create({
      data: {
        scope: request.scope,
        ...target.data,
        reason: request.reason,
        createdById: actor.userId,
        startsAt: now,
        endsAt,
      },
      select: PAUSE_VIEW_SELECT,
    });
    await recordAudit(tx, audit, {
      action: 'pause.created',
      entityId: created.id,
      organisationId: target.organisationId,
      after: { scope: created.scope, target: target.label, reason: created.reason, endsAt },
    });
    return created;
  });
  // Claims made after this moment read the pause before calling a platform; allow a second of
  // clock difference between this process and the workers.
  const committedAt = new Date(Date.now() + CLOCK_SKEW_MS);
  const settled = await waitForPublishingInScope(
    postsCoveredBy({ scope: request.scope, ...target.data }),
    committedAt,
  );
  return { ...toPauseView(pause, audit.label, now), settled };
}

const CLOCK_SKEW_MS = 1000;

/** Waits until no post in scope claimed before the pause was written is still being published. */
async function waitForPublishingInScope(
  scope: Prisma.PostWhereInput,
  pausedAt: Date,
): Promise<boolean> {
  const deadline = Date.now() + env().PAUSE_SETTLE_SECONDS * 1000;
  for (;;) {
    const inFlight = await db.post.count({
      where: { ...scope, status: 'publishing', claimedAt: { lte: pausedAt } },
    });
    if (inFlight === 0) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
