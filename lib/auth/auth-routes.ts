// What the catch-all /api/auth/* route lets through to better-auth. better-auth mounts dozens of
// endpoints (sign-up, password reset, email change, account linking…); Signpost's pages sign in
// through a server action and read sessions in process, so only the session surface a client
// library needs is open — each of the rest answers 404, as a route that does not exist would.
// A password sent to /sign-in/email is one more attempt against the shared throttle.
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { errorResponse } from '../api/errors';
import { readJsonBody } from '../api/read-body';
import { limitApiRequest } from '../api/request-rate-limit';
import { db } from '../db';
import { AppError } from '../errors';
import { log } from '../log';
import { passwordSignInRefusal } from '../sso/find-sso';
import { withCallbackState } from '../sso/sso-nonce';
import { clientAddress } from './client-address';
import { passwordAttempt } from './password-attempt';

type Handler = (request: Request) => Promise<Response>;

export const AUTH_BASE_PATH = '/api/auth';

/** The better-auth endpoints Signpost serves, by method; every other path is 404. */
export const OPEN_AUTH_ENDPOINTS = {
  GET: ['/get-session'],
  POST: ['/sign-in/email', '/sign-out'],
} as const;

/**
 * An organisation's identity provider sends people back here (GET). Single sign-on starts at
 * /sign-in/sso (lib/sso/start-sso-sign-in.ts), which calls the plugin in process; the plugin's
 * provider-management endpoints are never served.
 */
const SSO_CALLBACK = /^\/sso\/callback\/[a-z0-9-]{1,100}$/;

const SignInBody = z.looseObject({ email: z.string().max(320), password: z.string().max(1000) });
const SignedIn = z.object({ user: z.object({ id: z.string(), email: z.string() }) });

export function guardAuthRoute(method: keyof typeof OPEN_AUTH_ENDPOINTS, handler: Handler) {
  const open: readonly string[] = OPEN_AUTH_ENDPOINTS[method];
  return async (request: Request): Promise<Response> => {
    try {
      const path = new URL(request.url).pathname.slice(AUTH_BASE_PATH.length).replace(/\/+$/, '');
      const ssoCallback = method === 'GET' && SSO_CALLBACK.test(path);
      if (!open.includes(path) && !ssoCallback)
        throw new AppError('not_found', 'There is nothing here.');
      await limitApiRequest(request);
      if (path === '/sign-in/email') return await signInEmail(request, handler);
      if (ssoCallback) {
        // The nonce check deep inside the plugin needs this callback's state (sso-nonce.ts).
        const state = new URL(request.url).searchParams.get('state');
        return await withCallbackState(state, () => handler(request));
      }
      return await handler(request);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      log.error({ err: error, method: request.method, url: request.url }, 'error in auth route');
      return Response.json(
        { error: { code: 'internal_error', message: 'Something went wrong on our side.' } },
        { status: 500 },
      );
    }
  };
}

async function signInEmail(request: Request, handler: Handler): Promise<Response> {
  // Read from a copy: better-auth reads the request itself.
  const parsed = SignInBody.safeParse(await readJsonBody(request.clone(), 16 * 1024));
  if (!parsed.success) {
    throw new AppError('validation_failed', 'Send {"email", "password"} as JSON.', {
      body: 'must have email and password as text',
    });
  }
  const refusal = await passwordSignInRefusal(parsed.data.email);
  if (refusal) throw new AppError('forbidden', refusal);
  const address = clientAddress(request.headers);
  const outcome = await passwordAttempt({ email: parsed.data.email, address }, async () => {
    const response = await handler(request);
    // 401 is better-auth's answer to a wrong email or password; a malformed email (400) is
    // not a guess at anyone's password.
    if (response.status === 401) return { verdict: 'wrong', value: response };
    if (response.ok) return { verdict: 'right', value: response };
    return { verdict: 'neither', value: response };
  });
  if (outcome.verdict === 'right') {
    const signedIn = SignedIn.safeParse(await outcome.value.clone().json());
    if (signedIn.success) {
      const { user } = signedIn.data;
      await recordAudit(
        db,
        { userId: user.id, label: user.email },
        { action: 'user.signed_in', entityId: user.id },
      );
    }
  }
  return outcome.value;
}
