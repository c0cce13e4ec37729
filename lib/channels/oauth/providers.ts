// Each platform's authorisation flow as Signpost drives it: the URL that sends the person to the
// platform's consent page, and the exchange of the code the platform sends back for the accounts
// it lets Signpost publish to, with their credentials in the adapters' shapes. X: OAuth 2.0 with
// PKCE, one account (the person's), its two-hour token renewed with the refresh token. Facebook:
// Login with PKCE, the short-lived user token traded for a 60-day one, then the Pages the person
// manages with their Page tokens (which then do not expire) and each Page's Instagram account.
import { z } from 'zod';
import type { Platform } from '../../platforms/types';
import type { OAuthClient, OAuthPlatform } from './oauth-settings';

export interface OfferedAccount {
  platform: Platform;
  externalAccountId: string;
  /** The public handle (@name without the @, a Page's username) or the id when it has none. */
  handle: string;
  /** What the person knows it as: a Page's name. */
  name: string;
  credentials: Record<string, string>;
}

export class ExchangeFailed extends Error {
  override name = 'ExchangeFailed';
}

interface FlowInput {
  client: OAuthClient;
  redirectUri: string;
}

export interface OAuthProvider {
  /** A person picks among the accounts (Facebook Pages) rather than the one being connected. */
  picks: boolean;
  authoriseUrl(input: FlowInput & { state: string; challenge: string }): string;
  exchange(
    input: FlowInput & { code: string; verifier: string; now: Date },
  ): Promise<OfferedAccount[]>;
}

const TIMEOUT_MS = 15_000;

export const X_SCOPES = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'media.write',
  'offline.access',
];
export const FACEBOOK_SCOPES = [
  'pages_show_list',
  'pages_manage_posts',
  'pages_read_engagement',
  'read_insights',
  'instagram_basic',
  'instagram_content_publish',
  'instagram_manage_insights',
];

const XToken = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().int().positive(),
});
const XMe = z.object({
  data: z.object({ id: z.string().min(1), username: z.string().min(1), name: z.string() }),
});
const GraphToken = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() });
const GraphPages = z.object({
  data: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      username: z.string().optional(),
      access_token: z.string().min(1),
      instagram_business_account: z
        .object({ id: z.string().min(1), username: z.string().optional() })
        .optional(),
    }),
  ),
});

async function call<T>(schema: z.ZodType<T>, url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ExchangeFailed(`${new URL(url).host} did not answer: ${String(error)}`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok)
    throw new ExchangeFailed(
      `${new URL(url).pathname} answered ${response.status}: ${JSON.stringify(body)}`,
    );
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ExchangeFailed(`${new URL(url).pathname} answered in an unexpected shape`);
  return parsed.data;
}

const x: OAuthProvider = {
  picks: false,
  authoriseUrl({ client, redirectUri, state, challenge }) {
    const url = new URL(client.authoriseUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: redirectUri,
      scope: X_SCOPES.join(' '),
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  },
  async exchange({ client, redirectUri, code, verifier, now }) {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    // A confidential client signs in with Basic auth; a public one names itself in the body.
    if (client.clientSecret)
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`;
    const token = await call(XToken, `${client.apiBase}/2/oauth2/token`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
        client_id: client.clientId,
      }),
    });
    const me = await call(XMe, `${client.apiBase}/2/users/me`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    return [
      {
        platform: 'x',
        externalAccountId: me.data.id,
        handle: me.data.username,
        name: me.data.name,
        credentials: {
          accessToken: token.access_token,
          ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
          expiresAt: new Date(now.getTime() + token.expires_in * 1000).toISOString(),
          clientId: client.clientId,
          ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
        },
      },
    ];
  },
};

const facebook: OAuthProvider = {
  picks: true,
  authoriseUrl({ client, redirectUri, state, challenge }) {
    const url = new URL(client.authoriseUrl);
    url.search = new URLSearchParams({
      client_id: client.clientId,
      redirect_uri: redirectUri,
      state,
      response_type: 'code',
      scope: FACEBOOK_SCOPES.join(','),
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  },
  async exchange({ client, redirectUri, code, verifier }) {
    const secret = client.clientSecret ?? '';
    const short = await call(
      GraphToken,
      `${client.apiBase}/oauth/access_token?${new URLSearchParams({
        client_id: client.clientId,
        client_secret: secret,
        redirect_uri: redirectUri,
        code,
        code_verifier: verifier,
      })}`,
    );
    // Page tokens asked for with a long-lived user token do not expire.
    const long = await call(
      GraphToken,
      `${client.apiBase}/oauth/access_token?${new URLSearchParams({
        grant_type: 'fb_exchange_token',
        client_id: client.clientId,
        client_secret: secret,
        fb_exchange_token: short.access_token,
      })}`,
    );
    const pages = await call(
      GraphPages,
      `${client.apiBase}/me/accounts?${new URLSearchParams({
        fields: 'id,name,username,access_token,instagram_business_account{id,username}',
        access_token: long.access_token,
      })}`,
    );
    return pages.data.flatMap((page): OfferedAccount[] => [
      {
        platform: 'facebook',
        externalAccountId: page.id,
        handle: page.username ?? page.id,
        name: page.name,
        credentials: { pageAccessToken: page.access_token },
      },
      ...(page.instagram_business_account
        ? [
            {
              platform: 'instagram' as const,
              externalAccountId: page.instagram_business_account.id,
              handle:
                page.instagram_business_account.username ?? page.instagram_business_account.id,
              name: `${page.name} on Instagram`,
              // Instagram publishing goes through the Graph API with the Page's token.
              credentials: { accessToken: page.access_token },
            },
          ]
        : []),
    ]);
  },
};

export const OAUTH_PROVIDERS: Record<OAuthPlatform, OAuthProvider> = { x, facebook };
