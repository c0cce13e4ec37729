// Who is calling X, as X decides it (docs.x.com, "Authentication"): an OAuth 2.0 user token, an
// OAuth 1.0a user context (HMAC-SHA1 signed, RFC 5849), or an app-only bearer token. Each
// endpoint accepts some of these: POST /2/tweets, media upload and /2/users/me need a user;
// reading public posts takes any. Only credentials this sandbox issued are accepted.
import { createHmac } from 'node:crypto';
import { xAppSecret, xTokenSecret } from '../credentials';
import { countCall, type RateQuota } from '../rate-limits';
import { bearerToken, Refusal, safeDecode, type SandboxRequest } from '../routes';
import type { SandboxState } from '../state';
import { checkToken, sameText, sandboxSignature } from '../tokens';
import { xError } from './x-errors';

export type XCaller =
  { kind: 'user'; account: string; scopes: readonly string[] } | { kind: 'app'; app: string };

const ALL_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];
// OAuth 1.0a requests older or newer than this are refused, as replays.
const TIMESTAMP_SKEW_SECONDS = 300;

/** The caller, or X's 401 when the request carries no credentials X would accept. */
export function xCaller(request: SandboxRequest, state: SandboxState): XCaller {
  const header = request.headers.authorization ?? '';
  if (/^OAuth\s/i.test(header)) return oauth1Caller(request, state, header);
  const bearer = bearerToken(request);
  const check = checkToken(bearer, { platform: 'x', kinds: ['user', 'app'], now: state.now() });
  if (!check.ok) throw new Refusal(xError(401, 'Unauthorized'));
  const { claims } = check;
  return claims.kind === 'app'
    ? { kind: 'app', app: claims.account }
    : { kind: 'user', account: claims.account, scopes: claims.scopes };
}

/** A user context with the scopes; an app-only token is refused as X refuses it. */
export function xUser(
  request: SandboxRequest,
  state: SandboxState,
  scopes: readonly string[],
): Extract<XCaller, { kind: 'user' }> {
  const caller = xCaller(request, state);
  if (caller.kind === 'app') {
    throw new Refusal({
      status: 403,
      body: {
        title: 'Unsupported Authentication',
        detail:
          'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
        type: 'https://api.twitter.com/2/problems/unsupported-authentication',
        status: 403,
      },
    });
  }
  const missing = scopes.find((scope) => !caller.scopes.includes(scope));
  if (missing)
    throw new Refusal(xError(403, `The access token was not granted the ${missing} scope.`));
  return caller;
}

/** Counts the call against the caller's window for the endpoint; refuses it past the limit. */
export function xRateLimit(
  request: SandboxRequest,
  state: SandboxState,
  caller: XCaller,
  endpoint: string,
  quotas: { user: RateQuota; app?: RateQuota },
): void {
  const quota = caller.kind === 'user' ? quotas.user : (quotas.app ?? quotas.user);
  const who = caller.kind === 'user' ? `user:${caller.account}` : `app:${caller.app}`;
  request.rateWindow = countCall(state, `x:${endpoint}:${who}`, quota);
  if (request.rateWindow.exceeded) throw new Refusal(xError(429, 'Too Many Requests'));
}

function oauth1Caller(request: SandboxRequest, state: SandboxState, header: string): XCaller {
  const params = Object.fromEntries(
    [...header.matchAll(/([a-z_]+)="([^"]*)"/gi)].map(([, name = '', value = '']) => [
      safeDecode(name),
      safeDecode(value),
    ]),
  );
  const consumerKey = params.oauth_consumer_key ?? '';
  const token = params.oauth_token ?? '';
  const account = /^(\d+)-(.+)$/.exec(token);
  const timestamp = Number(params.oauth_timestamp);
  const fresh =
    Number.isFinite(timestamp) &&
    Math.abs(timestamp - state.now().getTime() / 1000) <= TIMESTAMP_SKEW_SECONDS;
  const valid =
    params.oauth_signature_method === 'HMAC-SHA1' &&
    fresh &&
    account !== null &&
    sameText(account[2] ?? '', sandboxSignature('x-oauth1-token', account[1] ?? '', 32)) &&
    sameText(
      params.oauth_signature ?? '',
      oauth1Signature(request, params, xAppSecret(consumerKey), xTokenSecret(token)),
    );
  if (!valid || !account?.[1]) throw new Refusal(xError(401, 'Unauthorized'));
  // OAuth 1.0a carries the app's permission level rather than scopes: a read-write app has all.
  return { kind: 'user', account: account[1], scopes: ALL_SCOPES };
}

/** RFC 5849 §3.4: the signature over the method, the URL and every parameter but itself. */
function oauth1Signature(
  request: SandboxRequest,
  oauth: Record<string, string>,
  consumerSecret: string,
  tokenSecret: string,
): string {
  const pairs: [string, string][] = [...request.query.entries()];
  for (const [name, value] of Object.entries(oauth)) {
    if (name !== 'oauth_signature' && name !== 'realm') pairs.push([name, value]);
  }
  // Form bodies are signed; JSON and multipart bodies are not.
  if (request.parsed.kind === 'form') {
    pairs.push(...new URLSearchParams(request.raw.toString('utf8')).entries());
  }
  const normalized = pairs
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const base = [
    request.method.toUpperCase(),
    percentEncode(request.url),
    percentEncode(normalized),
  ];
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac('sha1', key).update(base.join('&')).digest('base64');
}

function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
