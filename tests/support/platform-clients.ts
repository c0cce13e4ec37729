// The platforms' own client libraries, pointed at a sandbox with nothing changed but the address
// they call: what the contract tests (sandbox/contracts) drive.
import http from 'node:http';
import {
  TwitterApi,
  type ITwitterApiClientPlugin,
  type TwitterApiOAuth2Init,
  type TwitterApiTokens,
} from 'twitter-api-v2';

/**
 * twitter-api-v2 has no base-URL option: every call goes to https://api.x.com. A plugin moves
 * the call to the sandbox before the library builds (and, for OAuth 1.0a, signs) the request,
 * so the signature covers the address actually called, as it would with a base-URL setting.
 */
export function xClient(
  baseUrl: string,
  auth: string | TwitterApiTokens | TwitterApiOAuth2Init,
): TwitterApi {
  const toSandbox: ITwitterApiClientPlugin = {
    onBeforeRequestConfig({ params }) {
      params.url = params.url.replace(/^https:\/\/api\.x\.com/, baseUrl);
    },
  };
  // Its https.request() takes a plain-HTTP address only with an http.Agent.
  const settings = { httpAgent: new http.Agent(), plugins: [toSandbox] };
  if (typeof auth === 'string') return new TwitterApi(auth, settings);
  if ('appKey' in auth) return new TwitterApi(auth, settings);
  return new TwitterApi(auth, settings);
}

/** The error a client library threw for a refused call; any other outcome fails the test. */
export async function refusedWith<E extends Error>(
  type: abstract new (...args: never[]) => E,
  call: Promise<unknown>,
): Promise<E> {
  const outcome = await call.then(
    (value: unknown) => value,
    (error: unknown) => error,
  );
  if (outcome instanceof type) return outcome;
  throw new Error(`expected the platform to refuse the call, got ${JSON.stringify(outcome)}`);
}
