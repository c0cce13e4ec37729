// Whether a pause or a blackout stops a post from going out. Pauses are stops people pull now
// (everything, a force, a channel, a campaign); blackouts are periods an organisation sets ahead
// (a pre-election period, a major incident). Pure: the worker asks just before publishing, and
// scheduling may ask ahead, with the same answer for the same facts.
import { z } from 'zod';
import { UK_TIME_ZONE, formatLocal } from './london-time';

export const PAUSE_SCOPES = ['global', 'organisation', 'channel', 'campaign'] as const;
export const PauseScope = z.enum(PAUSE_SCOPES);
export type PauseScope = z.infer<typeof PauseScope>;

/** The post field a scoped pause names: the one rule of which posts a pause covers. */
export const PAUSE_SCOPE_FIELD = {
  organisation: 'organisationId',
  channel: 'channelId',
  campaign: 'campaignId',
} as const satisfies Record<
  Exclude<PauseScope, 'global'>,
  'organisationId' | 'channelId' | 'campaignId'
>;

/** A pause as the hold rules need it (the database row fits). */
export const PauseFacts = z
  .object({
    id: z.string().min(1),
    scope: PauseScope,
    organisationId: z.string().min(1).nullish(),
    channelId: z.string().min(1).nullish(),
    campaignId: z.string().min(1).nullish(),
    reason: z.string(),
    startsAt: z.date(),
    endsAt: z.date().nullish(),
    liftedAt: z.date().nullish(),
  })
  .refine((pause) => pause.scope === 'global' || pause[PAUSE_SCOPE_FIELD[pause.scope]] != null, {
    message: 'A pause for one organisation, channel or campaign must say which.',
  });
export type PauseFacts = z.infer<typeof PauseFacts>;

export const BlackoutFacts = z.object({
  id: z.string().min(1),
  organisationId: z.string().min(1),
  startsAt: z.date(),
  endsAt: z.date(),
  reason: z.string(),
});
export type BlackoutFacts = z.infer<typeof BlackoutFacts>;

export const PostFacts = z.object({
  organisationId: z.string().min(1),
  channelId: z.string().min(1),
  campaignId: z.string().min(1),
  scheduledAt: z.date(),
});
export type PostFacts = z.infer<typeof PostFacts>;

/** Why a post is held, without names: `describeHold` puts it into words. */
export const HoldReason = z.object({
  kind: z.enum(['pause', 'blackout']),
  /** The pause's or blackout's id. */
  id: z.string(),
  /** A blackout always covers one organisation. */
  scope: PauseScope,
  reason: z.string(),
  /** When it ends by itself, if it does; a pause may also be lifted sooner. */
  until: z.date().nullable(),
});
export type HoldReason = z.infer<typeof HoldReason>;

export interface HoldFacts {
  pauses: readonly PauseFacts[];
  blackouts: readonly BlackoutFacts[];
  post: PostFacts;
  now: Date;
}

/**
 * Every pause and blackout that holds the post, broadest pause first, then blackouts by start.
 * Both are judged at the moment the post would go out: its scheduled time, or now if that has
 * passed. So a pause that ends before a post's time does not hold it, one set to start before
 * its time does, and a post released late into a blackout is held.
 */
export function holdReasons({ pauses, blackouts, post, now }: HoldFacts): HoldReason[] {
  const at = Math.max(post.scheduledAt.getTime(), now.getTime());
  const fromPauses = pauses
    .filter((pause) => pauseApplies(pause, post, at))
    .sort(
      (a, b) =>
        PAUSE_SCOPES.indexOf(a.scope) - PAUSE_SCOPES.indexOf(b.scope) ||
        a.startsAt.getTime() - b.startsAt.getTime() ||
        compareIds(a.id, b.id),
    )
    .map((pause) => ({
      kind: 'pause' as const,
      id: pause.id,
      scope: pause.scope,
      reason: pause.reason,
      until: pause.endsAt ?? null,
    }));
  const fromBlackouts = blackouts
    .filter(
      (blackout) =>
        blackout.organisationId === post.organisationId &&
        blackout.startsAt.getTime() <= at &&
        at < blackout.endsAt.getTime(),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || compareIds(a.id, b.id))
    .map((blackout) => ({
      kind: 'blackout' as const,
      id: blackout.id,
      scope: 'organisation' as const,
      reason: blackout.reason,
      until: blackout.endsAt,
    }));
  return [...fromPauses, ...fromBlackouts];
}

/** The first reason the post is held, or null when it may go out. */
export function holdReason(facts: HoldFacts): HoldReason | null {
  return holdReasons(facts)[0] ?? null;
}

/** Names of what the post belongs to, as people know them. */
export interface HoldNames {
  /** "Lancashire Constabulary" */
  organisation?: string;
  /** "Lancashire Constabulary on X (@LancsPolice)" */
  channel?: string;
  /** "Stop it Now! spring 2026" */
  campaign?: string;
}

/** "Paused for all of Lancashire Constabulary until Tue 12 May 2026, 18:00 BST: <reason>" */
export function describeHold(
  hold: HoldReason,
  names: HoldNames = {},
  zone: string = UK_TIME_ZONE,
): string {
  const organisation = names.organisation ?? 'this organisation';
  const what =
    hold.kind === 'blackout'
      ? `Blackout for ${organisation}`
      : {
          global: 'Paused for every organisation',
          organisation: `Paused for all of ${organisation}`,
          channel: `Paused on ${names.channel ?? 'this channel'}`,
          campaign: `Paused for the campaign ${names.campaign ?? 'this campaign'}`,
        }[hold.scope];
  const until = hold.until === null ? '' : ` until ${formatLocal(hold.until, zone)}`;
  const reason = hold.reason.trim();
  return reason === '' ? `${what}${until}.` : `${what}${until}: ${reason}`;
}

/** Whether the pause is on at `at`: not lifted, started, and not yet ended. */
export function pauseInForce(
  pause: Pick<PauseFacts, 'startsAt' | 'endsAt' | 'liftedAt'>,
  at: Date | number,
): boolean {
  const time = typeof at === 'number' ? at : at.getTime();
  // A lift is a fact once recorded, even if its time is a moment ahead of this server's clock.
  if (pause.liftedAt != null) return false;
  if (pause.startsAt.getTime() > time) return false;
  return pause.endsAt == null || pause.endsAt.getTime() > time;
}

/** Whether the post is in the pause's scope, whether or not the pause is on. */
export function pauseCovers(
  pause: Pick<PauseFacts, 'scope' | 'organisationId' | 'channelId' | 'campaignId'>,
  post: Pick<PostFacts, 'organisationId' | 'channelId' | 'campaignId'>,
): boolean {
  if (pause.scope === 'global') return true;
  const field = PAUSE_SCOPE_FIELD[pause.scope];
  // A scoped pause missing its id matches nothing rather than everything; the schema refuses it.
  return pause[field] != null && pause[field] === post[field];
}

function pauseApplies(pause: PauseFacts, post: PostFacts, at: number): boolean {
  return pauseInForce(pause, at) && pauseCovers(pause, post);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
