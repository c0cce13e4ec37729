// Sign-in through better-auth: email and password (scrypt hashes), database sessions that
// expire, and Next.js cookies. Sign-up is closed: an administrator adds people.
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db } from '../db';
import { env } from '../env';

const settings = env();

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
  // better-auth's own limiter guards its HTTP endpoints; failed sign-ins are throttled per
  // account in lib/auth/sign-in-throttle.ts, which also covers the API token route.
  rateLimit: {
    enabled: settings.NODE_ENV === 'production',
    window: 60,
    max: 100,
    customRules: { '/sign-in/email': { window: 60, max: 10 } },
  },
  advanced: { database: { generateId: false } },
  plugins: [nextCookies()],
});
