// Sign-in through better-auth: email and password (scrypt hashes), database sessions that
// expire, and Next.js cookies. Sign-up is closed: an administrator adds people.
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db } from '../db';
import { env } from '../env';
import { servedOverHttps } from '../security/security-headers';
import { sessionCookieAttributes } from './session-cookies';

const settings = env();
const https = servedOverHttps(settings);

export const auth = betterAuth({
  appName: 'Signpost',
  baseURL: settings.APP_URL,
  secret: settings.AUTH_SECRET,
  database: prismaAdapter(db, { provider: 'postgresql' }),
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
  plugins: [nextCookies()],
});
