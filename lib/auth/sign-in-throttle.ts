// A throttle on failed sign-ins, shared by the web sign-in and the API token route. Counted in
// Redis so every web process sees the same count: per account (guessing one person's password)
// and per address (trying many accounts).
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '../errors';

export const SIGN_IN_LIMITS = {
  perAccount: 5,
  perAddress: 20,
  windowSeconds: 15 * 60,
} as const;

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

function keys(prefix: string, email: string, address: string) {
  return {
    account: `${prefix}:sign-in-failures:account:${digest(email.trim().toLowerCase())}`,
    address: `${prefix}:sign-in-failures:address:${digest(address)}`,
  };
}

export interface SignInThrottle {
  /** Throws a rate_limited AppError when too many sign-ins have failed recently. */
  assertAllowed(email: string, address: string): Promise<void>;
  recordFailure(email: string, address: string): Promise<void>;
  /** A successful sign-in clears the account's count (not the address's). */
  recordSuccess(email: string, address: string): Promise<void>;
}

export function signInThrottle(redis: Redis, prefix: string): SignInThrottle {
  return {
    async assertAllowed(email, address) {
      const { account, address: addressKey } = keys(prefix, email, address);
      const [accountCount, addressCount] = await redis.mget(account, addressKey);
      const key =
        Number(accountCount ?? 0) >= SIGN_IN_LIMITS.perAccount
          ? account
          : Number(addressCount ?? 0) >= SIGN_IN_LIMITS.perAddress
            ? addressKey
            : null;
      const blocked = key === null ? null : await redis.ttl(key);
      if (blocked === null) return;
      const retryAfter = Math.max(1, blocked);
      const minutes = Math.ceil(retryAfter / 60);
      throw new AppError(
        'rate_limited',
        `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        undefined,
        retryAfter,
      );
    },
    async recordFailure(email, address) {
      const { account, address: addressKey } = keys(prefix, email, address);
      const window = SIGN_IN_LIMITS.windowSeconds;
      await redis
        .multi()
        .incr(account)
        .expire(account, window, 'NX')
        .incr(addressKey)
        .expire(addressKey, window, 'NX')
        .exec();
    },
    async recordSuccess(email, address) {
      await redis.del(keys(prefix, email, address).account);
    },
  };
}
