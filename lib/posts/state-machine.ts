// The life of a post (DESIGN.md, "A post's life") as one pure function. Every change of a post's
// status goes through `transition`, so the rules live here once and the table test covers them.
import { z } from 'zod';

export const POST_STATUSES = [
  'scheduled',
  'publishing',
  'published',
  'failed',
  'held',
  'cancelled',
  'unconfirmed',
] as const;
export const PostStatus = z.enum(POST_STATUSES);
export type PostStatus = z.infer<typeof PostStatus>;

export const POST_EVENTS = [
  'claim',
  'published',
  'transient_error',
  'retries_exhausted',
  'permanent_error',
  'auth_error',
  'hold',
  'crash_detected',
  'found_on_platform',
  'not_found_on_platform',
  'cancel',
  'reschedule',
  'release',
  'retry',
] as const;
export const PostEvent = z.enum(POST_EVENTS);
export type PostEvent = z.infer<typeof PostEvent>;

type Moves = Partial<Record<PostStatus, PostStatus>>;

/** For each event, the statuses it may start from and where it leads. Absent means refused. */
const MOVES: Record<PostEvent, Moves> = {
  claim: { scheduled: 'publishing' },
  published: { publishing: 'published' },
  transient_error: { publishing: 'scheduled' },
  retries_exhausted: { publishing: 'failed' },
  permanent_error: { publishing: 'failed' },
  // The channel needs re-authorising; its posts wait for a person rather than failing.
  auth_error: { publishing: 'held' },
  // From publishing: the worker found a pause, blackout or failed signpost check after claiming,
  // before it called the platform.
  hold: { scheduled: 'held', publishing: 'held' },
  crash_detected: { publishing: 'unconfirmed' },
  found_on_platform: { unconfirmed: 'published' },
  not_found_on_platform: { unconfirmed: 'scheduled' },
  // Not from publishing or unconfirmed: the post may already be on the platform, and a cancelled
  // post that went out anyway would be a lie on the screen.
  cancel: { scheduled: 'cancelled', held: 'cancelled', failed: 'cancelled' },
  reschedule: { scheduled: 'scheduled', held: 'scheduled' },
  release: { held: 'scheduled' },
  retry: { failed: 'scheduled' },
};

/**
 * Events that end a claim after the platform may have been called. Each counts one publish
 * attempt, so `attempts` bounds retries, and a post that keeps crashing the worker runs out of
 * attempts instead of looping. `hold` from publishing happens before the call, so it does not count.
 */
const ENDS_AN_ATTEMPT: ReadonlySet<PostEvent> = new Set<PostEvent>([
  'published',
  'transient_error',
  'retries_exhausted',
  'permanent_error',
  'auth_error',
  'crash_detected',
]);

export type TransitionResult =
  | {
      ok: true;
      to: PostStatus;
      /** Whether the post's attempt count goes up by one. */
      countsAttempt: boolean;
    }
  | { ok: false; reason: string };

export function transition(from: PostStatus, event: PostEvent): TransitionResult {
  const to = MOVES[event][from];
  if (to === undefined) return { ok: false, reason: refusal(from, event) };
  return { ok: true, to, countsAttempt: ENDS_AN_ATTEMPT.has(event) };
}

/**
 * Where the event takes the post, for the worker's own moves, which the code guarantees are legal
 * (it claimed the post in that status): an illegal one is a bug, so it throws.
 */
export function mustMove(from: PostStatus, event: PostEvent): PostStatus {
  const result = transition(from, event);
  if (!result.ok) throw new Error(`Illegal post transition: ${result.reason}`);
  return result.to;
}

/** The events a post in this status accepts, in the order of POST_EVENTS. */
export function allowedEvents(status: PostStatus): PostEvent[] {
  return POST_EVENTS.filter((event) => MOVES[event][status] !== undefined);
}

/** Nothing more can happen to a published or cancelled post. */
export function isTerminal(status: PostStatus): boolean {
  return allowedEvents(status).length === 0;
}

const AS_SUBJECT: Record<PostStatus, string> = {
  scheduled: 'A scheduled post',
  publishing: 'A post that is being published',
  published: 'A published post',
  failed: 'A failed post',
  held: 'A held post',
  cancelled: 'A cancelled post',
  unconfirmed: 'A post whose publishing is unconfirmed',
};

const IS: Record<PostStatus, string> = {
  scheduled: 'scheduled',
  publishing: 'being published',
  published: 'published',
  failed: 'failed',
  held: 'held',
  cancelled: 'cancelled',
  unconfirmed: 'unconfirmed',
};

const AS_PASSIVE: Record<PostEvent, string> = {
  claim: 'be picked up for publishing',
  published: 'be marked as published',
  transient_error: 'be put back in the queue after a temporary error',
  retries_exhausted: 'be marked as failed after its last attempt',
  permanent_error: 'be marked as failed by the platform',
  auth_error: 'be held for the channel to be reconnected',
  hold: 'be held',
  crash_detected: 'be marked as unconfirmed',
  found_on_platform: 'be confirmed as published',
  not_found_on_platform: 'be put back in the queue as not found on the platform',
  cancel: 'be cancelled',
  reschedule: 'be rescheduled',
  release: 'be released',
  retry: 'be retried',
};

/** Refusals a person is likely to meet, with what to do instead. */
const ADVICE: Partial<Record<PostStatus, Partial<Record<PostEvent, string>>>> = {
  published: {
    cancel: 'A published post cannot be cancelled: delete it on the platform instead.',
    reschedule: 'A published post cannot be rescheduled: schedule the message again instead.',
  },
  publishing: {
    cancel: 'A post that is being published cannot be cancelled: wait a moment for the outcome.',
    reschedule:
      'A post that is being published cannot be rescheduled: wait a moment for the outcome.',
  },
  unconfirmed: {
    cancel:
      'A post whose publishing is unconfirmed cannot be cancelled yet: it may already be on the platform. Signpost is checking.',
    reschedule:
      'A post whose publishing is unconfirmed cannot be rescheduled yet: it may already be on the platform. Signpost is checking.',
  },
  cancelled: {
    cancel: 'This post is already cancelled.',
    reschedule: 'A cancelled post cannot be rescheduled: schedule the message again instead.',
  },
  failed: {
    reschedule: 'A failed post cannot be rescheduled: retry it instead.',
  },
  held: { hold: 'This post is already held.' },
};

function refusal(from: PostStatus, event: PostEvent): string {
  const advice = ADVICE[from]?.[event];
  if (advice !== undefined) return advice;
  if (event === 'release') return `Only a held post can be released; this one is ${IS[from]}.`;
  if (event === 'retry') return `Only a failed post can be retried; this one is ${IS[from]}.`;
  return `${AS_SUBJECT[from]} cannot ${AS_PASSIVE[event]}.`;
}
