// The API's rate limits, with limits small enough to reach: 429, Retry-After and API.md's error
// format, counted per token, per address where there is none, and shared by every web process.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getHealth } from '@/app/api/v1/health/route';
import { GET as getMe } from '@/app/api/v1/me/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { apiRateLimiter, rateLimitSubject } from '@/lib/api/rate-limit';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';

// Before lib/env is first read (this file's imports), after the shared test environment is set.
vi.hoisted(() => {
  process.env.API_LIMIT_PER_TOKEN = '5';
  process.env.API_LIMIT_PER_ADDRESS = '3';
});

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
});

describe('the API rate limits', () => {
  it('answer 429 with Retry-After and the error format once a token is over, and count each token apart', async () => {
    const lead = await tokenFor('lead@nw-rocu.example');
    const comms = await tokenFor('comms@cumbria.example');
    for (let request = 0; request < 5; request++)
      expect((await call(getMe, '/me', { token: lead })).status).toBe(200);
    const refused = await call<ErrorBody>(getMe, '/me', { token: lead });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: { code: 'rate_limited', message: expect.stringMatching(/at most 5 a minute/) },
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another person's token has its own count.
    expect((await call(getMe, '/me', { token: comms })).status).toBe(200);
  });

  it('count requests without a token per address, on every route (the OpenAPI document too)', async () => {
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    expect((await call(getHealth, '/health', from('192.0.2.10'))).status).toBe(200);
    expect((await call(getOpenApi, '/openapi.json', from('192.0.2.10'))).status).toBe(200);
    expect((await call(getHealth, '/health', from('192.0.2.10'))).status).toBe(200);
    const refused = await call<ErrorBody>(getOpenApi, '/openapi.json', from('192.0.2.10'));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await call(getHealth, '/health', from('192.0.2.11'))).status).toBe(200);
  });

  it('are in the OpenAPI document: every route may answer 429 with Retry-After', async () => {
    const document = await call<{
      paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>;
    }>(getOpenApi, '/openapi.json', { headers: { 'x-forwarded-for': '192.0.2.20' } });
    const operations = Object.values(document.body.paths).flatMap((path) => Object.values(path));
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations)
      expect(operation.responses['429']?.headers).toHaveProperty('Retry-After');
  });

  describe('in two web processes', () => {
    // Two limiters on two connections, as two `next start` processes would have.
    const connections = [new Redis(env().REDIS_URL), new Redis(env().REDIS_URL)];
    afterAll(() => connections.forEach((connection) => connection.disconnect()));

    it('share one count', async () => {
      const limits = { perToken: 4, perAddress: 4 };
      const [first, second] = connections.map((redis) =>
        apiRateLimiter(redis, env().QUEUE_PREFIX, limits),
      );
      const subject = rateLimitSubject(
        new Headers({ authorization: 'Bearer sp_shared-between-processes' }),
        'unknown',
      );
      await first!.consume(subject);
      await second!.consume(subject);
      await first!.consume(subject);
      await second!.consume(subject);
      const refusal = await first!.consume(subject).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).code).toBe('rate_limited');
      await expect(second!.consume(subject)).rejects.toMatchObject({ code: 'rate_limited' });
    });
  });
});
