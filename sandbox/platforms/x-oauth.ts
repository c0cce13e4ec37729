// X's token endpoints (docs.x.com, "OAuth 2.0 Authorization Code Flow with PKCE" and
// "Application-only"): POST /2/oauth2/token trades a refresh token for a two-hour user token and
// the next refresh token; POST /oauth2/token trades an app's consumer keys for an app-only token.
// The body is read as a form or as JSON, because X reads both and clients send both (twitter-api-v2
// sends its token requests as JSON).
import { z } from 'zod';
import { xAppSecret } from '../credentials';
import { safeDecode, type SandboxReply, type SandboxRequest, type SandboxRoute } from '../routes';
import { redeemCode } from '../oauth/codes';
import type { SandboxState } from '../state';
import { checkToken, issueToken, sameText, type TokenClaims } from '../tokens';

export const X_TOKEN_SECONDS = 7200;

const RefreshGrant = z.object({
  grant_type: z.literal('refresh_token'),
  refresh_token: z.string().min(1),
  client_id: z.string().min(1).optional(),
});

export const xOAuthRoutes: SandboxRoute[] = [
  {
    method: 'POST',
    path: '/2/oauth2/token',
    handle(request, state) {
      const fields = formOrJson(request);
      // A confidential client signs in with Basic auth; a public one names itself in the body.
      const basic = basicAuth(request);
      if (basic && !sameText(basic.password, xAppSecret(basic.username)))
        return oauthError(401, 'unauthorized_client', 'Missing valid authorization header');
      const client = basic?.username ?? z.string().min(1).safeParse(fields.client_id).data;
      if (!client)
        return oauthError(401, 'unauthorized_client', 'Missing valid authorization header');
      if (fields.grant_type === 'authorization_code') return tradeCode(fields, client, state);
      const grant = RefreshGrant.safeParse(fields);
      if (!grant.success) return invalidToken();
      const check = checkToken(grant.data.refresh_token, {
        platform: 'x',
        kinds: ['refresh'],
        now: state.now(),
      });
      if (!check.ok) return invalidToken();
      const { claims } = check;
      if ((claims.client && claims.client !== client) || state.spentRefreshTokens.has(claims.jti))
        return invalidToken();
      state.spentRefreshTokens.add(claims.jti);
      return { status: 200, body: grantFor(claims, client, state) };
    },
  },
  {
    method: 'POST',
    path: '/oauth2/token',
    handle(request, state) {
      const basic = basicAuth(request);
      const fields = formOrJson(request);
      if (!basic || !sameText(basic.password, xAppSecret(basic.username))) {
        return {
          status: 403,
          body: {
            errors: [
              {
                code: 99,
                message: 'Unable to verify your credentials',
                label: 'authenticity_token_error',
              },
            ],
          },
        };
      }
      if (fields.grant_type !== 'client_credentials') {
        return {
          status: 400,
          body: {
            errors: [
              {
                code: 170,
                message: 'Missing required parameter: grant_type',
                label: 'forbidden_missing_parameter',
              },
            ],
          },
        };
      }
      const token = issueToken({
        platform: 'x',
        account: basic.username,
        kind: 'app',
        scopes: [],
        exp: null,
        jti: state.nextId(),
      });
      return { status: 200, body: { token_type: 'bearer', access_token: token } };
    },
  },
];

// The authorisation code grant: the code from the consent page (x-authorize.ts), the same
// redirect URI and the PKCE verifier. X answers every bad code alike.
function tradeCode(fields: Record<string, unknown>, client: string, state: SandboxState) {
  const text = (name: string) => (typeof fields[name] === 'string' ? fields[name] : undefined);
  if (!text('code_verifier'))
    return oauthError(400, 'invalid_request', 'Missing required parameter [code_verifier].');
  const redeemed = redeemCode(state, 'x', {
    code: text('code'),
    client,
    redirectUri: text('redirect_uri'),
    verifier: text('code_verifier'),
  });
  if (!redeemed.ok) return invalidToken();
  const { account, scopes } = redeemed.grant;
  return { status: 200, body: grantFor({ account, scopes }, client, state, true) };
}

function grantFor(
  refresh: Pick<TokenClaims, 'account' | 'scopes'>,
  client: string,
  state: SandboxState,
  fromCode = false,
) {
  const now = Math.floor(state.now().getTime() / 1000);
  const common = { platform: 'x' as const, account: refresh.account, scopes: refresh.scopes };
  // Without offline.access X gives no refresh token: the person authorises again in two hours.
  const refreshable = !fromCode || refresh.scopes.includes('offline.access');
  return {
    token_type: 'bearer',
    expires_in: X_TOKEN_SECONDS,
    access_token: issueToken({
      ...common,
      kind: 'user',
      exp: now + X_TOKEN_SECONDS,
      jti: state.nextId(),
    }),
    scope: refresh.scopes.join(' '),
    ...(refreshable
      ? {
          refresh_token: issueToken({
            ...common,
            kind: 'refresh',
            exp: null,
            jti: state.nextId(),
            client,
          }),
        }
      : {}),
  };
}

function formOrJson(request: SandboxRequest): Record<string, unknown> {
  const parsed = request.parsed;
  const fields = parsed.kind === 'form' || parsed.kind === 'json' ? parsed.value : {};
  return typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>) : {};
}

function basicAuth(request: SandboxRequest): { username: string; password: string } | null {
  const encoded = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!encoded) return null;
  const [username = '', ...rest] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
  return { username: safeDecode(username), password: safeDecode(rest.join(':')) };
}

// X answers a used, revoked or unknown refresh token this way (RFC 6749 would say invalid_grant).
function invalidToken(): SandboxReply {
  return oauthError(400, 'invalid_request', 'Value passed for the token was invalid.');
}

function oauthError(status: number, error: string, description: string): SandboxReply {
  return { status, body: { error, error_description: description } };
}
