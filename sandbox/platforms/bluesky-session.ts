// A PDS's sessions (docs.bsky.app, com.atproto.server.*; the PDS's auth-verifier): createSession
// with the account's app password, getSession, refreshSession (the refresh JWT, which works
// once) and deleteSession. Tokens are HS256 JWTs signed with the sandbox's key, as a PDS signs
// them with its own secret; an access token carries the app-password scope, a refresh token the
// refresh scope, and each is refused where the other belongs.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { blueskyDid, sandboxAppPassword } from '../credentials';
import { bearerToken, parseBody, Refusal, type SandboxRequest, type SandboxRoute } from '../routes';
import type { SandboxState } from '../state';
import { sameText, sandboxSignature } from '../tokens';
import { blueskyError, blueskyLimit } from './bluesky-errors';

const ACCESS_SECONDS = 2 * 3600;
const REFRESH_SECONDS = 90 * 86_400;
const ACCESS_SCOPES = ['com.atproto.access', 'com.atproto.appPass'];
const REFRESH_SCOPE = 'com.atproto.refresh';
const SERVICE_DID = 'did:web:bsky.social';
// createSession: 30 a five minutes per account (docs.bsky.app, "Rate limits").
const SESSION_QUOTA = { limit: 30, windowSeconds: 300 };

const CreateSession = z.object({
  identifier: z.string().min(1),
  password: z.string().min(1),
  authFactorToken: z.string().optional(),
  allowTakendown: z.boolean().optional(),
});
const Claims = z.object({
  scope: z.string(),
  sub: z.string(),
  exp: z.number(),
  iat: z.number().optional(),
  jti: z.string().optional(),
});
type Claims = z.infer<typeof Claims>;

export const blueskySessionRoutes: SandboxRoute[] = [
  {
    method: 'POST',
    path: '/xrpc/com.atproto.server.createSession',
    handle(request, state) {
      const body = parseBody(request, CreateSession, { error: blueskyError });
      const did = blueskyDid(body.identifier);
      blueskyLimit(request, state, `session:${did}`, SESSION_QUOTA);
      if (!sameText(body.password, sandboxAppPassword(body.identifier)))
        throw new Refusal(blueskyError(401, 'Invalid identifier or password'));
      return { status: 200, body: session(did, handleFor(body.identifier), request, state) };
    },
  },
  {
    method: 'GET',
    path: '/xrpc/com.atproto.server.getSession',
    handle(request, state) {
      const did = sessionDid(request, state);
      return { status: 200, body: about(did, handleFor(did), request) };
    },
  },
  {
    method: 'POST',
    path: '/xrpc/com.atproto.server.refreshSession',
    handle(request, state) {
      const claims = verifiedClaims(request, state, [REFRESH_SCOPE]);
      spend(claims, state);
      return { status: 200, body: session(claims.sub, handleFor(claims.sub), request, state) };
    },
  },
  {
    method: 'POST',
    path: '/xrpc/com.atproto.server.deleteSession',
    handle(request, state) {
      spend(verifiedClaims(request, state, [REFRESH_SCOPE]), state);
      return { status: 200 };
    },
  },
];

/** The DID of the session behind the request's access token; refuses as a PDS does. */
export function sessionDid(request: SandboxRequest, state: SandboxState): string {
  return verifiedClaims(request, state, ACCESS_SCOPES).sub;
}

/** The handle a login identifier names (a DID's is made from the DID). */
export function handleFor(identifier: string): string {
  return identifier.startsWith('did:')
    ? `${identifier.slice(8, 20)}.bsky.social`
    : identifier.toLowerCase();
}

function session(did: string, handle: string, request: SandboxRequest, state: SandboxState) {
  const iat = Math.floor(state.now().getTime() / 1000);
  const aud = SERVICE_DID;
  return {
    // Its own id, so two sessions in one second still differ.
    accessJwt: jwt('at+jwt', {
      scope: 'com.atproto.appPass',
      sub: did,
      aud,
      jti: state.nextId(),
      iat,
      exp: iat + ACCESS_SECONDS,
    }),
    refreshJwt: jwt('refresh+jwt', {
      scope: REFRESH_SCOPE,
      sub: did,
      aud,
      jti: state.nextId(),
      iat,
      exp: iat + REFRESH_SECONDS,
    }),
    ...about(did, handle, request),
  };
}

function about(did: string, handle: string, request: SandboxRequest) {
  return {
    did,
    handle,
    // The DID document names this PDS, so a client sends the account's calls here.
    didDoc: {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      alsoKnownAs: [`at://${handle}`],
      verificationMethod: [
        {
          id: `${did}#atproto`,
          type: 'Multikey',
          controller: did,
          publicKeyMultibase: 'zQ3shunBKsXixLxKtC5qeSG9E4J5RkGN57im31pcTzbNQnm5w',
        },
      ],
      service: [
        { id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: request.origin },
      ],
    },
    email: `${handle}@signpost.example`,
    emailConfirmed: true,
    emailAuthFactor: false,
    active: true,
  };
}

function spend(claims: Claims, state: SandboxState): void {
  const id = claims.jti ?? '';
  if (state.spentRefreshTokens.has(id))
    throw new Refusal({
      status: 400,
      body: { error: 'ExpiredToken', message: 'Token has been revoked' },
    });
  state.spentRefreshTokens.add(id);
}

function verifiedClaims(
  request: SandboxRequest,
  state: SandboxState,
  scopes: readonly string[],
): Claims {
  const token = bearerToken(request);
  if (!token) throw new Refusal(blueskyError(401, 'Authentication Required'));
  const invalid = (message: string) =>
    new Refusal({ status: 400, body: { error: 'InvalidToken', message } });
  const [header = '', payload = '', signature = ''] = token.split('.');
  if (!sameText(signature, sign(`${header}.${payload}`)))
    throw invalid('Token could not be verified');
  const claims = Claims.safeParse(readJson(Buffer.from(payload, 'base64url').toString('utf8')));
  if (!claims.success) throw invalid('Token could not be verified');
  if (claims.data.exp * 1000 <= state.now().getTime())
    throw new Refusal({
      status: 400,
      body: { error: 'ExpiredToken', message: 'Token has expired' },
    });
  if (!claims.data.sub.startsWith('did:')) throw invalid('Malformed token');
  if (!scopes.includes(claims.data.scope)) throw invalid('Bad token scope');
  return claims.data;
}

function jwt(typ: string, payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ typ, alg: 'HS256' })}.${encode(payload)}`;
  return `${unsigned}.${sign(unsigned)}`;
}

function sign(data: string): string {
  return createHmac('sha256', sandboxSignature('bluesky-jwt-key', 'pds'))
    .update(data)
    .digest('base64url');
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not a JWT this PDS issued: refused as one that could not be verified.
    return null;
  }
}
