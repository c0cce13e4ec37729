// Facebook Login's manual flow (developers.facebook.com/docs/facebook-login/guides/advanced/
// manual-flow): GET /dialog/oauth shows the consent page (on Meta it is www.facebook.com's; here
// the Graph API's own port, under the same version), GET /oauth/access_token trades the code (with
// the app secret, the same redirect URI and, if one was sent, the PKCE verifier) for a short-lived
// user token, and again with grant_type=fb_exchange_token for a 60-day one. GET /me/accounts then
// lists the person's Pages with their Page tokens, which never expire when asked for with a
// long-lived user token, and each Page's instagram_business_account.
import { facebookAppSecret } from '../credentials';
import { issueCode, redeemCode, type CodeRefusal } from '../oauth/codes';
import {
  acceptableRedirectUri,
  authorisationErrorPage,
  consentPage,
  redirectBack,
  requestParams,
} from '../oauth/consent-page';
import { accessToken, type SandboxRequest, type SandboxRoute } from '../routes';
import type { SandboxState } from '../state';
import { checkToken, issueToken, readToken, sameText } from '../tokens';
import { SANDBOX_FACEBOOK_PAGES } from './facebook-pages';
import { graphCaller, graphRefusal } from './meta-graph';

export const FACEBOOK_CODE_SECONDS = 600;
const SHORT_LIVED_SECONDS = 3600;
const LONG_LIVED_SECONDS = 60 * 24 * 3600;

const CODE_REFUSALS: Record<CodeRefusal, [number, string]> = {
  unknown: [36010, 'Invalid verification code format.'],
  used: [36009, 'This authorization code has been used.'],
  expired: [36007, 'This authorization code has expired.'],
  client: [36008, 'Error validating verification code.'],
  redirect_uri: [
    36008,
    'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
  ],
  verifier_missing: [36008, 'Missing code_verifier.'],
  verifier: [36008, 'Invalid code verifier.'],
};

function dialog(method: 'GET' | 'POST'): SandboxRoute {
  return {
    method,
    path: '/dialog/oauth',
    browserPage: true,
    handle(request, state) {
      const params = requestParams(request);
      const client = params.get('client_id');
      const redirectUri = params.get('redirect_uri');
      if (!client || !acceptableRedirectUri(redirectUri))
        return authorisationErrorPage(
          'Facebook',
          'URL blocked: this redirect failed because the redirect URI is not whitelisted in the app’s client OAuth settings.',
        );
      const stateParam = params.get('state');
      const back = (fields: Record<string, string>) =>
        redirectBack(redirectUri, { ...fields, ...(stateParam ? { state: stateParam } : {}) });
      const scopes = (params.get('scope') ?? '').split(/[\s,]+/).filter((scope) => scope !== '');
      const challenge = params.get('code_challenge');
      const challengeMethod = params.get('code_challenge_method') ?? 'plain';
      if (
        (params.get('response_type') ?? 'code') !== 'code' ||
        (challenge && challengeMethod !== 'S256' && challengeMethod !== 'plain')
      )
        return back({ error: 'invalid_request', error_description: 'Invalid request.' });
      if (request.method === 'GET') {
        return consentPage(request, {
          platformName: 'Facebook',
          client,
          scopes,
          params,
          account: {
            label: 'Facebook user id',
            value: '100000000000001',
            hint: 'The person you are logged in to Facebook as, by user id.',
          },
          details: [
            `You manage these Pages: ${SANDBOX_FACEBOOK_PAGES.map((page) => page.name).join(', ')}.`,
          ],
        });
      }
      if (params.get('decision') !== 'allow')
        return back({
          error: 'access_denied',
          error_code: '200',
          error_description: 'Permissions error',
          error_reason: 'user_denied',
        });
      const account = (params.get('account') ?? '').trim();
      if (!/^\d{1,20}$/.test(account))
        return authorisationErrorPage('Facebook', 'Give the person’s numeric user id.');
      const code = issueCode(
        state,
        {
          platform: 'facebook',
          client,
          redirectUri,
          challenge:
            challenge && (challengeMethod === 'S256' || challengeMethod === 'plain')
              ? { value: challenge, method: challengeMethod }
              : null,
          account,
          scopes,
        },
        FACEBOOK_CODE_SECONDS,
      );
      return back({ code });
    },
  };
}

function accessTokenRoute(method: 'GET' | 'POST'): SandboxRoute {
  return {
    method,
    path: '/oauth/access_token',
    handle(request, state) {
      const params = requestParams(request);
      const text = (name: string) => params.get(name) ?? undefined;
      const client = text('client_id');
      if (!client) throw graphRefusal(400, 101, 'Missing client_id parameter.');
      const secret = text('client_secret');
      if (!secret || !sameText(secret, facebookAppSecret(client)))
        throw graphRefusal(400, 1, 'Error validating client secret.');
      if (params.get('grant_type') === 'fb_exchange_token') {
        const check = checkToken(text('fb_exchange_token') ?? null, {
          platform: 'facebook',
          kinds: ['user'],
          now: state.now(),
        });
        if (!check.ok)
          throw graphRefusal(400, 190, 'Invalid OAuth access token - Cannot parse access token');
        return userToken(state, check.claims.account, check.claims.scopes, LONG_LIVED_SECONDS);
      }
      const redeemed = redeemCode(state, 'facebook', {
        code: text('code'),
        client,
        redirectUri: text('redirect_uri'),
        verifier: text('code_verifier'),
      });
      if (!redeemed.ok) {
        const [subcode, message] = CODE_REFUSALS[redeemed.reason];
        throw graphRefusal(400, 100, message, subcode);
      }
      const { account, scopes } = redeemed.grant;
      return userToken(state, account, scopes, SHORT_LIVED_SECONDS);
    },
  };
}

function userToken(state: SandboxState, account: string, scopes: string[], seconds: number) {
  const now = Math.floor(state.now().getTime() / 1000);
  return {
    status: 200,
    body: {
      access_token: issueToken({
        platform: 'facebook',
        account,
        kind: 'user',
        scopes,
        exp: now + seconds,
        jti: state.nextId(),
      }),
      token_type: 'bearer',
      expires_in: seconds,
    },
  };
}

const myAccounts: SandboxRoute = {
  method: 'GET',
  path: '/me/accounts',
  handle(request: SandboxRequest, state) {
    graphCaller(request, state, 'facebook', { permission: 'pages_show_list' });
    const token = readToken(accessToken(request) ?? '', 'facebook');
    if (!token)
      throw graphRefusal(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    const { scopes, exp } = token;
    const nowSeconds = Math.floor(state.now().getTime() / 1000);
    // A Page token asked for with a long-lived user token does not expire; with a short-lived
    // one it ends when that does.
    const pageExp = exp !== null && exp - nowSeconds <= SHORT_LIVED_SECONDS ? exp : null;
    const fields = request.query.get('fields') ?? '';
    return {
      status: 200,
      body: {
        data: SANDBOX_FACEBOOK_PAGES.map((page) => ({
          id: page.id,
          name: page.name,
          category: 'Government organisation',
          tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
          access_token: issueToken({
            platform: 'facebook',
            account: page.id,
            kind: 'user',
            scopes,
            exp: pageExp,
            jti: state.nextId(),
          }),
          ...(fields.includes('username') ? { username: page.username } : {}),
          ...(fields.includes('instagram_business_account') && page.instagram
            ? { instagram_business_account: page.instagram }
            : {}),
        })),
        paging: { cursors: { before: 'QVFIUm', after: 'QVFIUn' } },
      },
    };
  },
};

export const facebookLoginRoutes: SandboxRoute[] = [
  dialog('GET'),
  dialog('POST'),
  accessTokenRoute('GET'),
  accessTokenRoute('POST'),
  myAccounts,
];
