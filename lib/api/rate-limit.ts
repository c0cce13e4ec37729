// The API's rate limits: so many requests a minute per API token or browser session, and per
// client address for requests that carry neither. Counted in Redis (rate-limiter-flexible's
// atomic counters), so every web process shares one count; while Redis cannot be reached, each
// process counts in its own memory instead of refusing or letting everything through.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors';

export interface ApiRateLimits {
  /** Requests a minute per API token or session. */
  perToken: number;
  /** Requests a minute per address, for requests with no credentials. */
  perAddress: number;
}

export type RateLimitSubject = { kind: 'token' | 'address'; key: string };

const WINDOW_SECONDS = 60;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/**
 * Whom a request is counted against: its API token or session cookie (hashed: Redis never holds
 * a credential), or its address. Many people behind one council's or force's network share an
 * address, so a signed-in person is never counted by it.
 */
export function rateLimitSubject(headers: Headers, address: string): RateLimitSubject {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization')?.trim() ?? '')?.[1];
  const session = SESSION_COOKIE.exec(headers.get('cookie') ?? '')?.[1];
  const credential = bearer ?? session;
  if (credential) return { kind: 'token', key: digest(credential) };
  return { kind: 'address', key: digest(address) };
}

export interface ApiRateLimiter {
  /** Counts one request; throws rate_limited (with Retry-After) once the subject is over. */
  consume(subject: RateLimitSubject): Promise<void>;
}

export function apiRateLimiter(
  redis: Redis,
  prefix: string,
  limits: ApiRateLimits,
): ApiRateLimiter {
  const limiter = (kind: RateLimitSubject['kind'], points: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:api-rate-limit:${kind}`,
      points,
      duration: WINDOW_SECONDS,
      // Count in memory at once rather than queue behind a Redis that is not (or not yet) there.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS }),
    });
  const limiters = {
    token: limiter('token', limits.perToken),
    address: limiter('address', limits.perAddress),
  };
  return {
    async consume(subject) {
      try {
        await limiters[subject.kind].consume(subject.key);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        const limit = subject.kind === 'token' ? limits.perToken : limits.perAddress;
        throw new AppError(
          'rate_limited',
          `Too many requests: at most ${limit} a minute ${
            subject.kind === 'token' ? 'for each API token or session' : 'from one address'
          }. Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`,
          undefined,
          retryAfter,
        );
      }
    },
  };
}
