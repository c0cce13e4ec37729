// X's OAuth 2.0 authorisation page (docs.x.com, "OAuth 2.0 Authorization Code Flow with PKCE"):
// GET /i/oauth2/authorize shows the consent page (on X it is x.com's; here the API's own port),
// and the person's decision comes back as a redirect to the app's redirect URI with `code` and
// `state`, or with `error=access_denied`. PKCE is required, as on X. The code is traded at
// POST /2/oauth2/token (x-oauth.ts) within 30 seconds, once.
import type { SandboxRoute } from '../routes';
import { issueCode } from '../oauth/codes';
import {
  acceptableRedirectUri,
  authorisationErrorPage,
  consentPage,
  redirectBack,
  requestParams,
} from '../oauth/consent-page';

export const X_CODE_SECONDS = 30;
const X_SCOPES = new Set([
  'tweet.read',
  'tweet.write',
  'tweet.moderate.write',
  'users.read',
  'follows.read',
  'follows.write',
  'offline.access',
  'media.write',
  'like.read',
  'like.write',
  'list.read',
  'list.write',
]);

function authorise(method: 'GET' | 'POST'): SandboxRoute {
  return {
    method,
    path: '/i/oauth2/authorize',
    browserPage: true,
    handle(request, state) {
      const params = requestParams(request);
      const client = params.get('client_id');
      const redirectUri = params.get('redirect_uri');
      // Nowhere safe to send the person: X shows its own error page instead of redirecting.
      if (!client || !acceptableRedirectUri(redirectUri))
        return authorisationErrorPage(
          'X',
          'Something went wrong. You weren’t able to give access to the App.',
        );
      const scopes = (params.get('scope') ?? '').split(/\s+/).filter((scope) => scope !== '');
      const challenge = params.get('code_challenge');
      const challengeMethod = params.get('code_challenge_method') ?? 'plain';
      const stateParam = params.get('state');
      const back = (fields: Record<string, string>) =>
        redirectBack(redirectUri, { ...fields, ...(stateParam ? { state: stateParam } : {}) });
      if (
        params.get('response_type') !== 'code' ||
        !stateParam ||
        !challenge ||
        (challengeMethod !== 'S256' && challengeMethod !== 'plain') ||
        scopes.length === 0 ||
        scopes.some((scope) => !X_SCOPES.has(scope))
      )
        return back({
          error: 'invalid_request',
          error_description: 'Invalid authorization request.',
        });
      if (request.method === 'GET') {
        return consentPage(request, {
          platformName: 'X',
          client,
          scopes,
          params,
          account: {
            label: 'X account id',
            value: '1500000000000000001',
            hint: 'The account you are signed in to X as, by its numeric id; the sandbox names it @sandbox followed by the id.',
          },
        });
      }
      if (params.get('decision') !== 'allow')
        return back({ error: 'access_denied', error_description: 'The user denied the request.' });
      const account = (params.get('account') ?? '').trim();
      if (!/^\d{1,19}$/.test(account))
        return authorisationErrorPage('X', 'Give the account’s numeric id.');
      const code = issueCode(
        state,
        {
          platform: 'x',
          client,
          redirectUri,
          challenge: { value: challenge, method: challengeMethod },
          account,
          scopes,
        },
        X_CODE_SECONDS,
      );
      return back({ code });
    },
  };
}

export const xAuthorizeRoutes: SandboxRoute[] = [authorise('GET'), authorise('POST')];
