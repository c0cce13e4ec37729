// A local OpenID Connect provider for the single sign-on tests (oauth2-mock-server, the one
// better-auth's own SSO tests use), and the browserless journey through it: start at
// /sign-in/sso, let the provider answer at once, come back to the callback with the state cookie.
import { OAuth2Server } from 'oauth2-mock-server';
import { GET as authGet } from '@/app/api/auth/[...all]/route';
import { GET as startSso } from '@/app/sign-in/sso/route';
import { env } from '@/lib/env';

export interface Identity {
  sub: string;
  email: string;
  name: string;
}

export interface TokenTampering {
  iss?: string;
  aud?: string;
  nonce?: string;
  /** Seconds from now; negative: already expired. */
  expiresIn?: number;
}

export async function startOidcProvider() {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  let identity: Identity = { sub: 'nobody', email: 'nobody@example.com', name: 'Nobody' };
  let tampering: TokenTampering = {};
  server.service.on('beforeTokenSigning', (token) => {
    Object.assign(token.payload, { sub: identity.sub, email: identity.email, name: identity.name });
    if (tampering.iss) token.payload.iss = tampering.iss;
    if (tampering.aud) token.payload.aud = tampering.aud;
    if (tampering.nonce) token.payload.nonce = tampering.nonce;
    if (tampering.expiresIn !== undefined) {
      const now = Math.floor(Date.now() / 1000);
      token.payload.iat = now + tampering.expiresIn - 3600;
      token.payload.nbf = now + tampering.expiresIn - 3600;
      token.payload.exp = now + tampering.expiresIn;
    }
  });
  server.service.on('beforeUserinfo', (response) => {
    response.body = { ...identity, email_verified: true };
    response.statusCode = 200;
  });
  return {
    issuer: server.issuer.url ?? '',
    as(next: Identity, tamper: TokenTampering = {}) {
      identity = next;
      tampering = tamper;
    },
    stop: () => server.stop(),
  };
}

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((cookie) => !cookie.endsWith('='))
    .join('; ');

/** Signs in through single sign-on; where the app sent the person after, and their cookies. */
export async function signInThroughSso(email: string, next = '/') {
  const appUrl = env().APP_URL;
  const started = await startSso(
    new Request(`${appUrl}/sign-in/sso?${new URLSearchParams({ email, next })}`, {
      headers: { 'x-forwarded-for': '198.51.100.30' },
    }),
  );
  const authorise = started.headers.get('location') ?? '';
  if (started.status !== 302) return { location: authorise, cookie: '', authorise };
  const answered = await fetch(authorise, { redirect: 'manual' });
  const callback = answered.headers.get('location') ?? '';
  const returned = await authGet(
    new Request(new URL(callback, appUrl), {
      headers: { cookie: cookiesOf(started), 'x-forwarded-for': '198.51.100.30' },
    }),
  );
  return {
    location: returned.headers.get('location') ?? '',
    cookie: cookiesOf(returned),
    authorise,
    status: returned.status,
  };
}
