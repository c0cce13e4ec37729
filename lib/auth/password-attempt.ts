// Every way a password arrives — the sign-in form (sign-in.ts), better-auth's own HTTP route
// (auth-routes.ts) and the API token route (api-tokens.ts) — is one attempt against one throttle:
// refused while the account or the address has failed too often, its failure counted against
// both, in Redis, whichever route the next guess comes by.
import { env } from '../env';
import { sharedRedis } from '../redis';
import { signInThrottle } from './sign-in-throttle';

/** What the password check found: only `wrong` counts as a guess. */
export type PasswordVerdict<T> =
  | { verdict: 'right'; value: T }
  | { verdict: 'wrong'; value: T }
  | { verdict: 'neither'; value: T };

/** Throws rate_limited (with Retry-After) before `check` runs when too many have failed. */
export async function passwordAttempt<T>(
  credentials: { email: string; address: string },
  check: () => Promise<PasswordVerdict<T>>,
): Promise<PasswordVerdict<T>> {
  const throttle = signInThrottle(sharedRedis(), env().QUEUE_PREFIX);
  await throttle.assertAllowed(credentials.email, credentials.address);
  const outcome = await check();
  if (outcome.verdict === 'wrong')
    await throttle.recordFailure(credentials.email, credentials.address);
  if (outcome.verdict === 'right')
    await throttle.recordSuccess(credentials.email, credentials.address);
  return outcome;
}
