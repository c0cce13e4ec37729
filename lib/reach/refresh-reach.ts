// "Refresh": the published posts in a scope are polled now rather than at their next planned
// poll, at most once per five minutes per scope (platforms' rate limits are shared with
// publishing, and a campaign's figures do not change by the minute). The posts are made due in
// the database and a sweep is enqueued; the sweep and the poll jobs do the rest, batched per
// channel like every other poll.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { can, organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { log } from '../log';
import { JOB_NAMES, MAINTENANCE_JOB_DEFAULTS, QUEUES } from '../queue/jobs';
import { queue } from '../queue/queues';
import { sharedRedis } from '../redis';

export const REFRESH_INTERVAL_SECONDS = 5 * 60;

export const ReachRefreshRequest = z
  .strictObject({
    campaignId: z.string().min(1).max(64).optional(),
    organisation: z.string().min(1).max(100).optional().meta({
      description: 'organisation slug; without it, every organisation the caller may refresh',
    }),
  })
  .meta({ id: 'ReachRefreshRequest' });
export type ReachRefreshRequest = z.infer<typeof ReachRefreshRequest>;

export const ReachRefreshAnswer = z
  .object({
    /** Published posts in the scope that will be polled now. */
    posts: z.number().int().min(0),
    /** The same scope may be refreshed again from then. */
    nextRefreshAt: z.iso.datetime(),
  })
  .meta({ id: 'ReachRefreshAnswer' });
export type ReachRefreshAnswer = z.infer<typeof ReachRefreshAnswer>;

interface Scope {
  campaignId: string | null;
  /** null: every organisation. */
  organisationIds: string[] | null;
}

async function resolveScope(actor: Actor, request: ReachRefreshRequest): Promise<Scope> {
  let organisationIds: string[] | null;
  if (request.organisation !== undefined) {
    const organisation = await db.organisation.findUnique({
      where: { slug: request.organisation },
      select: { id: true, name: true },
    });
    if (!organisation)
      throw new AppError('validation_failed', `Unknown organisation: ${request.organisation}.`, {
        organisation: 'unknown',
      });
    if (!can(actor, 'reach.refresh', { organisationId: organisation.id }))
      throw new AppError('forbidden', `You may not refresh the reach of ${organisation.name}.`);
    organisationIds = [organisation.id];
  } else {
    // No organisation named: all the caller may refresh (a comms officer, their own force).
    const scope = organisationScope(actor, 'reach.refresh');
    if (scope !== 'all' && scope.length === 0)
      throw new AppError('forbidden', 'You may not refresh reach figures.');
    organisationIds = scope === 'all' ? null : [...scope].sort();
  }
  if (request.campaignId !== undefined) {
    const campaign = await db.campaign.findUnique({
      where: { id: request.campaignId },
      select: { id: true },
    });
    if (!campaign) throw new AppError('not_found', 'That campaign was not found.');
  }
  return { campaignId: request.campaignId ?? null, organisationIds };
}

const scopeKey = (prefix: string, scope: Scope) => {
  const name = `campaign=${scope.campaignId ?? '*'};organisations=${scope.organisationIds?.join(',') ?? '*'}`;
  return `${prefix}:reach-refresh:${createHash('sha256').update(name).digest('hex').slice(0, 32)}`;
};

export async function refreshReach(
  actor: Actor,
  request: ReachRefreshRequest,
  now = new Date(),
): Promise<ReachRefreshAnswer> {
  const scope = await resolveScope(actor, request);
  const redis = sharedRedis();
  const key = scopeKey(env().QUEUE_PREFIX, scope);
  const taken = await redis.set(key, now.toISOString(), 'EX', REFRESH_INTERVAL_SECONDS, 'NX');
  if (taken !== 'OK') {
    const seconds = Math.max(1, await redis.ttl(key));
    throw new AppError(
      'rate_limited',
      `These figures were refreshed less than five minutes ago and are being read now. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
      undefined,
      seconds,
    );
  }
  let posts: number;
  try {
    const made = await db.post.updateMany({
      where: {
        status: 'published',
        removedAt: null,
        ...(scope.campaignId ? { campaignId: scope.campaignId } : {}),
        ...(scope.organisationIds ? { organisationId: { in: scope.organisationIds } } : {}),
      },
      data: { nextPollAt: now },
    });
    posts = made.count;
  } catch (error) {
    // Nothing was made due: the scope may be refreshed again at once.
    await redis.del(key);
    throw error;
  }
  try {
    await queue(QUEUES.metrics).add(JOB_NAMES.pollSweep, {}, MAINTENANCE_JOB_DEFAULTS);
  } catch (error) {
    // The posts are due in the database: the next scheduled sweep polls them.
    log.warn({ err: error }, 'could not enqueue a poll sweep; the scheduled one will run');
  }
  return {
    posts,
    nextRefreshAt: new Date(now.getTime() + REFRESH_INTERVAL_SECONDS * 1000).toISOString(),
  };
}
