// Sign-in through better-auth: email and password (scrypt hashes), an organisation's own OpenID
// Connect provider (@better-auth/sso), database sessions that expire, and Next.js cookies.
// Sign-up is closed: an administrator adds people, or an organisation's single sign-on does.
import { sso } from '@better-auth/sso';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db } from '../db';
import { env } from '../env';
import { servedOverHttps } from '../security/security-headers';
import { withUnsealedSsoSecrets } from '../sso/sso-database';
import { provisionSsoPerson, resolveSsoUser } from '../sso/sso-people';
import { ssoTrustedOrigins } from '../sso/sso-trusted-origins';
import { sessionCookieAttributes } from './session-cookies';

const settings = env();
const https = servedOverHttps(settings);

export const auth = betterAuth({
  appName: 'Signpost',
  baseURL: settings.APP_URL,
  secret: settings.AUTH_SECRET,
  // The plugin reads its providers through this client, which unseals their client secrets.
  database: prismaAdapter(withUnsealedSsoSecrets(db) as unknown as typeof db, {
    provider: 'postgresql',
    // Single sign-on links a person and creates their session in one transaction.
    transaction: true,
  }),
  // The identity providers' own tokens, kept on the account after a single sign-on, are sealed.
  account: { encryptOAuthTokens: true },
  // Single sign-on fetches each registered issuer's discovery document, keys and token endpoint;
  // better-auth only fetches from trusted origins.
  trustedOrigins: (request) => ssoTrustedOrigins(settings.APP_URL, request),
  emailAndPassword: {
    enabled: true,
    disableSignUp: true,
    minPasswordLength: 12,
  },
  session: {
    expiresIn: settings.SESSION_HOURS * 60 * 60,
    // Sliding expiry: a session in use is extended at most once an hour.
    updateAge: 60 * 60,
  },
  // better-auth's own limiter counts in each process's memory (and not at all in development).
  // Signpost's limits are in Redis, shared by every process: failed passwords by whichever route
  // they arrive (lib/auth/password-attempt.ts), requests by lib/api/rate-limit.ts, and the only
  // endpoints open over HTTP are lib/auth/auth-routes.ts's.
  rateLimit: { enabled: false },
  advanced: {
    database: { generateId: false },
    // Secure (and the __Secure- name prefix) exactly when the app is served over HTTPS.
    useSecureCookies: https,
    defaultCookieAttributes: sessionCookieAttributes(https),
  },
  plugins: [
    sso({
      // Providers are registered by administrators through Signpost (lib/sso/manage-sso.ts),
      // never through the plugin's own endpoints, which are not served (auth-routes.ts).
      providersLimit: 0,
      resolveUser: resolveSsoUser,
      provisionUserOnEveryLogin: true,
      provisionUser: ({ user, provider }) => provisionSsoPerson(user, provider.providerId),
    }),
    nextCookies(),
  ],
});
