import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlatformError } from './adapter';
import {
  callPlatform,
  classifyFailure,
  parseRateLimit,
  parseResetTime,
  parseRetryAfter,
  platformMessage,
  type PlatformFailure,
} from './http';

const now = new Date('2026-03-29T00:30:00Z');
const headers = (values: Record<string, string>) => new Headers(values);
const failure = (
  status: number,
  body: unknown,
  values: Record<string, string> = {},
): PlatformFailure => {
  const h = headers(values);
  return { status, body, headers: h, rateLimit: parseRateLimit(h, now), now };
};

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 29 Mar 2026 00:31:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sun, 29 Mar 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('turns any whole number of seconds into milliseconds', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000_000),
        (seconds) => parseRetryAfter(String(seconds), now) === seconds * 1000,
      ),
    );
  });
});

describe('rate-limit headers', () => {
  it('reads X’s epoch-seconds reset', () => {
    const state = parseRateLimit(
      headers({ 'x-rate-limit-remaining': '3', 'x-rate-limit-reset': '1774745400' }),
      now,
    );
    expect(state).toEqual({ remaining: 3, resetAt: new Date(1774745400 * 1000) });
  });

  it('reads Mastodon’s ISO 8601 reset', () => {
    const state = parseRateLimit(
      headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2026-03-29T00:35:00.000Z' }),
      now,
    );
    expect(state).toEqual({ remaining: 0, resetAt: new Date('2026-03-29T00:35:00Z') });
  });

  it('reads Bluesky’s ratelimit-* headers, and reset as seconds from now when small', () => {
    expect(
      parseRateLimit(headers({ 'ratelimit-remaining': '10', 'ratelimit-reset': '1774745400' }), now)
        ?.remaining,
    ).toBe(10);
    expect(parseResetTime('30', now)).toEqual(new Date(now.getTime() + 30_000));
  });

  it('reads Meta’s usage percentages: throttled at 100% until the time to regain access', () => {
    const usage = JSON.stringify({
      '123': [
        {
          type: 'pages',
          call_count: 100,
          total_cputime: 20,
          total_time: 20,
          estimated_time_to_regain_access: 5,
        },
      ],
    });
    expect(parseRateLimit(headers({ 'x-business-use-case-usage': usage }), now)).toEqual({
      remaining: 0,
      resetAt: new Date(now.getTime() + 5 * 60_000),
    });
    expect(
      parseRateLimit(
        headers({ 'x-app-usage': '{"call_count":28,"total_time":25,"total_cputime":25}' }),
        now,
      ),
    ).toEqual({
      remaining: null,
      resetAt: null,
    });
  });

  it('says nothing when there are no such headers, or they are malformed', () => {
    expect(parseRateLimit(headers({}), now)).toBeNull();
    expect(parseRateLimit(headers({ 'x-app-usage': '{not json' }), now)).toBeNull();
  });
});

describe('the platform’s own error message', () => {
  it.each([
    [
      'X',
      { errors: [{ message: 'Your Tweet text is too long.' }], title: 'Invalid Request' },
      'Your Tweet text is too long.',
    ],
    [
      'X problem',
      {
        title: 'Forbidden',
        detail: 'You are not allowed to create a Tweet with duplicate content.',
      },
      'You are not allowed to create a Tweet with duplicate content.',
    ],
    [
      'Meta',
      {
        error: {
          message: '(#100) Invalid parameter',
          error_user_msg: 'The caption is too long.',
          code: 100,
        },
      },
      'The caption is too long.',
    ],
    [
      'Bluesky',
      { error: 'InvalidRequest', message: 'Record/text must not be longer than 300 graphemes' },
      'Record/text must not be longer than 300 graphemes',
    ],
    [
      'Mastodon',
      { error: 'Validation failed: Text character limit of 500 exceeded' },
      'Validation failed: Text character limit of 500 exceeded',
    ],
    [
      'LinkedIn',
      { status: 400, message: 'ShareCommentary text length exceeded' },
      'ShareCommentary text length exceeded',
    ],
    [
      'Nextdoor',
      { error: 'invalid_input', error_description: 'body_text is too long.' },
      'body_text is too long.',
    ],
    ['plain text', 'Bad Gateway', 'Bad Gateway'],
  ])('reads %s error bodies', (_, body, message) => {
    expect(platformMessage(body)).toBe(message);
  });

  it('is null when the body carries no message', () => {
    expect(platformMessage({ ok: false })).toBeNull();
    expect(platformMessage(null)).toBeNull();
  });
});

describe('classifying a failed answer', () => {
  it('429 is transient, waiting as long as Retry-After says', () => {
    const error = classifyFailure(
      failure(429, { title: 'Too Many Requests' }, { 'retry-after': '30' }),
      true,
    );
    expect(error).toMatchObject({
      kind: 'transient',
      message: 'Too Many Requests',
      options: { httpStatus: 429, retryAfterMs: 30_000 },
    });
  });

  it('429 without Retry-After waits until the rate-limit window resets', () => {
    const reset = String(Math.floor(now.getTime() / 1000) + 90);
    const error = classifyFailure(
      failure(429, null, { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset }),
      true,
    );
    expect(error.options.retryAfterMs).toBe(90_000);
  });

  it('5xx is transient; a gateway 502 or 504 to a write leaves the outcome unknown', () => {
    expect(classifyFailure(failure(500, null), true).options.outcomeUnknown).toBeUndefined();
    expect(classifyFailure(failure(503, null), true).kind).toBe('transient');
    expect(classifyFailure(failure(504, null), true).options).toMatchObject({
      outcomeUnknown: true,
    });
    expect(classifyFailure(failure(504, null), false).options.outcomeUnknown).toBeUndefined();
  });

  it('401 and 403 mean the channel needs re-authorising; other 4xx fail the post', () => {
    expect(classifyFailure(failure(401, null), true).kind).toBe('auth');
    expect(classifyFailure(failure(403, null), true).kind).toBe('auth');
    expect(classifyFailure(failure(422, { error: 'Validation failed' }), true)).toMatchObject({
      kind: 'permanent',
      message: 'Validation failed',
    });
    expect(classifyFailure(failure(400, null), true).message).toBe('HTTP 400');
  });

  it('lets an adapter read its platform’s own codes', () => {
    const error = classifyFailure(failure(400, { error: { code: 190 } }), true, () => ({
      kind: 'auth',
    }));
    expect(error.kind).toBe('auth');
  });
});

describe('calling a platform', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') return; // never answers
      if (req.url === '/odd')
        return void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"unexpected":true}');
      res
        .writeHead(200, { 'content-type': 'application/json', 'x-rate-limit-remaining': '9' })
        .end('{"id":"1"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  const Id = z.object({ id: z.string() });
  const fail = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error as PlatformError,
    );

  it('parses the answer with the schema and reads the rate limit', async () => {
    const response = await callPlatform({
      method: 'GET',
      url: `${base}/ok`,
      schema: Id,
      signal: AbortSignal.timeout(5000),
    });
    expect(response).toMatchObject({ status: 200, data: { id: '1' }, rateLimit: { remaining: 9 } });
  });

  it('a write that times out after it was sent has an unknown outcome', async () => {
    const error = await fail(
      callPlatform({
        method: 'POST',
        url: `${base}/slow`,
        json: {},
        schema: Id,
        signal: AbortSignal.timeout(5000),
        timeoutMs: 100,
      }),
    );
    expect(error).toMatchObject({ kind: 'transient', options: { outcomeUnknown: true } });
  });

  it('a read that times out is simply transient', async () => {
    const error = await fail(
      callPlatform({
        method: 'GET',
        url: `${base}/slow`,
        schema: Id,
        signal: AbortSignal.timeout(100),
      }),
    );
    expect(error).toMatchObject({ kind: 'transient', options: { outcomeUnknown: false } });
  });

  it('a call cancelled before it starts is not sent at all', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await fail(
      callPlatform({
        method: 'POST',
        url: `${base}/ok`,
        json: {},
        schema: Id,
        signal: controller.signal,
      }),
    );
    expect(error).toMatchObject({ kind: 'transient', options: {} });
    expect((error as PlatformError).options.outcomeUnknown).toBeUndefined();
  });

  it('a refused connection never reached the platform', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await fail(
      callPlatform({
        method: 'POST',
        url: `http://127.0.0.1:${port}/x`,
        json: {},
        schema: Id,
        signal: AbortSignal.timeout(5000),
      }),
    );
    expect(error).toMatchObject({ kind: 'transient', options: { outcomeUnknown: false } });
    expect((error as PlatformError).message).toContain('ECONNREFUSED');
  });

  it('a write answered in an unreadable shape may have happened', async () => {
    const error = await fail(
      callPlatform({
        method: 'POST',
        url: `${base}/odd`,
        json: {},
        schema: Id,
        signal: AbortSignal.timeout(5000),
      }),
    );
    expect(error).toMatchObject({
      kind: 'transient',
      options: { outcomeUnknown: true, httpStatus: 200 },
    });
  });
});
