// Whether a platform's callback may finish the flow it names: the state must be one we issued,
// unspent, unexpired, started by this person in this session, for the platform the callback is
// for. Pure: the stored start, the callback and now in, a decision out. Each refusal has words a
// person can act on (lib/channels/oauth/refusal-words.ts).
import type { Platform } from '../../platforms/types';

export interface StoredStart {
  userId: string;
  sessionId: string;
  platform: Platform;
  expiresAt: Date;
  usedAt: Date | null;
}

export type CallbackRefusal =
  | 'no_state'
  | 'unknown_state'
  | 'used'
  | 'expired'
  | 'other_person'
  | 'other_platform'
  | 'denied'
  | 'platform_error'
  | 'no_code';

export function checkCallback(options: {
  start: StoredStart | null;
  callback: { platform: Platform; userId: string; sessionId: string | undefined };
  now: Date;
}): { ok: true } | { ok: false; reason: CallbackRefusal } {
  const { start, callback, now } = options;
  if (!start) return { ok: false, reason: 'unknown_state' };
  // Someone else's state (a link sent to them, say) is not theirs to finish, nor to spend.
  if (start.userId !== callback.userId || start.sessionId !== callback.sessionId)
    return { ok: false, reason: 'other_person' };
  if (start.usedAt) return { ok: false, reason: 'used' };
  if (start.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (start.platform !== callback.platform) return { ok: false, reason: 'other_platform' };
  return { ok: true };
}

/** What the callback page says for each refusal: what happened and what to do. */
export const CALLBACK_REFUSAL_WORDS: Record<
  CallbackRefusal | 'exchange_failed' | 'other_account',
  string
> = {
  no_state:
    'The platform sent you back without the connection’s reference, so Signpost cannot tell which connection this is. Nothing was connected; start again from Settings.',
  unknown_state:
    'This answer from the platform does not match any connection started here. Nothing was connected; start again from Settings.',
  used: 'This connection was already finished once; an answer from the platform can be used only once. Start again from Settings if the channel is not connected.',
  expired:
    'The connection took too long (more than ten minutes) and has expired. Nothing was connected; start again from Settings.',
  other_person:
    'This connection was started by someone else, or in another browser session. Nothing was connected; start again from Settings yourself.',
  other_platform:
    'The answer came back for a different platform than the connection was started for. Nothing was connected; start again from Settings.',
  denied: 'You cancelled on the platform, so nothing was connected.',
  platform_error:
    'The platform refused the request and nothing was connected. Start again from Settings; if it happens again, check the app’s settings on the platform.',
  no_code:
    'The platform sent you back without an authorisation code. Nothing was connected; start again from Settings.',
  exchange_failed:
    'The platform would not exchange the authorisation for a token (the code may have been used already or expired). Nothing was connected; start again from Settings.',
  other_account:
    'You authorised a different account from the one this channel publishes to. Nothing was changed; reconnect signed in to the platform as the channel’s own account.',
};
