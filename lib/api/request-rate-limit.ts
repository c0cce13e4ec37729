// The one place an API request is counted (handle.ts and handle-raw.ts call it before anything
// else): the process's limiter, built from the environment on first use.
import { clientAddress } from '../auth/client-address';
import { env } from '../env';
import { sharedRedis } from '../redis';
import { type ApiRateLimiter, apiRateLimiter, rateLimitSubject } from './rate-limit';

let limiter: ApiRateLimiter | undefined;

export async function limitApiRequest(request: Request): Promise<void> {
  const settings = env();
  limiter ??= apiRateLimiter(sharedRedis(), settings.QUEUE_PREFIX, {
    perToken: settings.API_LIMIT_PER_TOKEN,
    perAddress: settings.API_LIMIT_PER_ADDRESS,
  });
  await limiter.consume(rateLimitSubject(request.headers, clientAddress(request.headers)));
}
