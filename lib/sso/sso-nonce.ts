// better-auth's SSO plugin sends no OpenID Connect nonce, so Signpost adds one: the nonce is an
// HMAC of the flow's own `state` under AUTH_SECRET, added to the authorisation address when the
// flow starts (start-sso-sign-in.ts) and required in the ID token when the callback comes back
// with that state (resolve-sso-user.ts). An ID token replayed from another flow, or minted
// without our nonce, is refused. Nothing is stored: the state already is.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, timingSafeEqual } from 'node:crypto';

export function nonceFor(state: string, secret: string): string {
  return createHmac('sha256', secret).update(`sso-nonce:${state}`).digest('base64url');
}

export function nonceMatches(claimed: unknown, state: string, secret: string): boolean {
  if (typeof claimed !== 'string') return false;
  const expected = Buffer.from(nonceFor(state, secret));
  const given = Buffer.from(claimed);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The `state` of the callback being handled, for the user resolution deep inside the plugin. */
const callbackState = new AsyncLocalStorage<{ state: string | null }>();

export const withCallbackState = <T>(state: string | null, run: () => Promise<T>) =>
  callbackState.run({ state }, run);

export const currentCallbackState = () => callbackState.getStore()?.state ?? null;
