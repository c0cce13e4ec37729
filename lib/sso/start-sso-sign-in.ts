// Starts a single sign-on: better-auth's SSO plugin makes the authorisation address (state, PKCE
// verifier, its state cookie); Signpost adds the nonce (sso-nonce.ts) and answers with a redirect
// to the organisation's identity provider, so a plain link or form starts it, without script.
import { z } from 'zod';
import { auth } from '../auth/auth';
import { env } from '../env';
import { log } from '../log';
import { ssoForEmail } from './find-sso';
import { nonceFor } from './sso-nonce';

export const SSO_ERROR_PATH = '/sign-in';

const Started = z.object({ url: z.url() });

/** Only same-site paths: never send someone on to another site after signing in. */
export const safeNext = (value: string | null | undefined) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';

export async function startSsoSignIn(options: {
  email: string;
  next?: string | null;
  headers: Headers;
}): Promise<Response> {
  const settings = env();
  const back = (query: Record<string, string>) =>
    new Response(null, {
      status: 303,
      headers: {
        location: `${SSO_ERROR_PATH}?${new URLSearchParams(query).toString()}`,
        'cache-control': 'no-store',
      },
    });
  const choice = await ssoForEmail(options.email);
  if (!choice) return back({ error: 'no_single_sign_on' });
  const forwarded = new Headers({
    'content-type': 'application/json',
    origin: new URL(settings.APP_URL).origin,
  });
  for (const name of ['user-agent', 'x-forwarded-for', 'x-real-ip']) {
    const value = options.headers.get(name);
    if (value) forwarded.set(name, value);
  }
  const started = await auth.handler(
    new Request(`${settings.APP_URL}/api/auth/sign-in/sso`, {
      method: 'POST',
      headers: forwarded,
      body: JSON.stringify({
        providerId: choice.providerId,
        loginHint: options.email.trim(),
        callbackURL: safeNext(options.next),
        errorCallbackURL: `${SSO_ERROR_PATH}?sso=${encodeURIComponent(choice.providerId)}`,
      }),
    }),
  );
  const parsed = Started.safeParse(started.ok ? await started.json() : null);
  if (!parsed.success) {
    log.error(
      { status: started.status, providerId: choice.providerId },
      'single sign-on did not start',
    );
    return back({ sso: choice.providerId, error: 'unreachable' });
  }
  const location = new URL(parsed.data.url);
  const state = location.searchParams.get('state');
  if (state) location.searchParams.set('nonce', nonceFor(state, settings.AUTH_SECRET));
  const answer = new Headers({ location: location.toString(), 'cache-control': 'no-store' });
  for (const cookie of started.headers.getSetCookie()) answer.append('set-cookie', cookie);
  return new Response(null, { status: 302, headers: answer });
}
