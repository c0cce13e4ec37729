// The one HTTP call every adapter makes: undici's request() with the caller's AbortSignal and a
// per-call timeout, JSON in and out, the platforms' rate-limit headers read, and every failure
// classified into a PlatformError. Header names are the platforms' own, but nothing here
// branches on which platform answered: an adapter may add its own reading of a failure (`classify`).
import { type FormData, request as undiciRequest } from 'undici';
import { z } from 'zod';
import { PlatformError, type PlatformErrorKind, type RateLimitState } from './adapter';

export const DEFAULT_TIMEOUT_MS = 20_000;

export interface PlatformFailure {
  status: number;
  body: unknown;
  headers: Headers;
  rateLimit: RateLimitState | null;
  now: Date;
}

/** An adapter's own reading of a failed answer; undefined keeps the shared classification. */
export type ClassifyFailure = (
  failure: PlatformFailure,
) => { kind: PlatformErrorKind; retryAfterMs?: number; message?: string } | undefined;

export interface PlatformRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string | URL;
  /** Sent as `Authorization: Bearer …`. */
  bearer?: string;
  headers?: Record<string, string>;
  /** Sent as JSON; use `body` for uploads (bytes, FormData). */
  json?: unknown;
  body?: Uint8Array<ArrayBuffer> | FormData | string;
  /** The shape of a successful answer's body (null when it is empty). */
  schema: z.ZodType<T>;
  signal: AbortSignal;
  timeoutMs?: number;
  classify?: ClassifyFailure;
}

export interface PlatformResponse<T> {
  status: number;
  data: T;
  headers: Headers;
  rateLimit: RateLimitState | null;
}

// Errors that mean the connection was never made, so the request cannot have been received.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export async function callPlatform<T>(request: PlatformRequest<T>): Promise<PlatformResponse<T>> {
  if (request.signal.aborted) {
    throw new PlatformError(
      'transient',
      'The call to the platform was cancelled before it was sent',
    );
  }
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = AbortSignal.any([request.signal, timeout]);
  // A GET changes nothing, so its outcome is never in doubt.
  const writes = request.method !== 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.bearer !== undefined) headers.authorization = `Bearer ${request.bearer}`;
  let body = request.body;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  }

  let response: { status: number; headers: Headers };
  let text: string;
  try {
    // undici's request() rather than fetch(): the same client underneath, without the WHATWG
    // streams, and measured at a third of fetch's CPU per call (docs/BENCHMARKS.md). Unlike
    // fetch() it follows no redirects: the platforms' APIs answer directly, and a write must not
    // be replayed somewhere else, so a 3xx is a failure with the platform's words.
    const answer = await undiciRequest(request.url, {
      method: request.method,
      headers,
      body,
      signal,
    });
    text = await answer.body.text();
    response = { status: answer.statusCode, headers: toHeaders(answer.headers) };
  } catch (error) {
    throw networkFailure(error, { writes, timedOut: timeout.aborted, signal: request.signal });
  }

  const now = new Date();
  const parsedBody = parseBody(text, response.headers.get('content-type'));
  const rateLimit = parseRateLimit(response.headers, now);
  if (response.status < 200 || response.status > 299) {
    const failure = {
      status: response.status,
      body: parsedBody,
      headers: response.headers,
      rateLimit,
      now,
    };
    throw classifyFailure(failure, writes, request.classify);
  }
  const result = request.schema.safeParse(parsedBody);
  if (!result.success) {
    // The platform said yes but in a shape we cannot read: a write may well have happened.
    throw new PlatformError(
      'transient',
      `Unexpected answer from the platform: ${z.prettifyError(result.error)}`,
      {
        httpStatus: response.status,
        outcomeUnknown: writes,
      },
    );
  }
  return { status: response.status, data: result.data, headers: response.headers, rateLimit };
}

/** 429, 408 and 5xx are transient; 401/403 auth; any other 4xx permanent. */
export function classifyFailure(
  failure: PlatformFailure,
  writes: boolean,
  classify?: ClassifyFailure,
): PlatformError {
  const own = classify?.(failure);
  const message = own?.message ?? platformMessage(failure.body) ?? `HTTP ${failure.status}`;
  // The platform's own Retry-After wins over anything inferred from usage or reset headers.
  const retryAfterMs =
    parseRetryAfter(failure.headers.get('retry-after'), failure.now) ??
    own?.retryAfterMs ??
    untilReset(failure.rateLimit, failure.now);
  const { status } = failure;
  const kind: PlatformErrorKind =
    own?.kind ??
    (status === 429 || status === 408 || status >= 500
      ? 'transient'
      : status === 401 || status === 403
        ? 'auth'
        : 'permanent');
  // A gateway's 502 or 504 can come after the platform behind it acted on the request.
  const outcomeUnknown = writes && (status === 502 || status === 504);
  return new PlatformError(kind, message, {
    httpStatus: status,
    ...(kind === 'transient' && retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(outcomeUnknown ? { outcomeUnknown } : {}),
    ...(failure.rateLimit ? { rateLimit: failure.rateLimit } : {}),
  });
}

function networkFailure(
  error: unknown,
  context: { writes: boolean; timedOut: boolean; signal: AbortSignal },
): PlatformError {
  if (context.timedOut || context.signal.aborted) {
    const reason: unknown = context.signal.reason;
    const byCaller =
      !context.timedOut && !(reason instanceof DOMException && reason.name === 'TimeoutError');
    // Once sent, a request may be acted on however the wait for its answer ends.
    return new PlatformError(
      'transient',
      byCaller ? 'The call to the platform was cancelled' : 'The platform did not answer in time',
      { outcomeUnknown: context.writes },
    );
  }
  const code = errorCode(error);
  const sent = code === undefined || !NOT_SENT_CODES.has(code);
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  return new PlatformError('transient', `Could not reach the platform (${detail})`, {
    outcomeUnknown: context.writes && sent,
  });
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

const ErrorWithCode = z.object({ code: z.string() });

/** The system or undici error code (ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT, …): on the error itself. */
function errorCode(error: unknown): string | undefined {
  return ErrorWithCode.safeParse(error).data?.code;
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text.trim() === '') return null;
  if (contentType?.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // Some gateways answer errors with broken JSON; the raw text still carries the message.
      return text;
    }
  }
  return text;
}

const Message = z.string().trim().min(1);
const ErrorShapes = z.looseObject({
  // Meta: { error: { message, error_user_msg } }; Bluesky: { error: "Code", message }.
  error: z
    .union([
      z.looseObject({ error_user_msg: Message.optional(), message: Message.optional() }),
      Message,
    ])
    .optional(),
  // X: { errors: [{ message }], detail, title }.
  errors: z
    .array(z.looseObject({ message: Message.optional(), detail: Message.optional() }))
    .optional(),
  message: Message.optional(),
  error_description: Message.optional(),
  detail: Message.optional(),
  title: Message.optional(),
});

/** The platform's own words from its error body, whichever of the known shapes it uses. */
export function platformMessage(body: unknown): string | null {
  if (typeof body === 'string')
    return Message.safeParse(body).success ? body.trim().slice(0, 500) : null;
  const parsed = ErrorShapes.safeParse(body);
  if (!parsed.success) return null;
  const { error, errors, message, error_description, detail, title } = parsed.data;
  const nested = typeof error === 'object' ? (error.error_user_msg ?? error.message) : undefined;
  const first = errors?.find((e) => e.message ?? e.detail);
  return (
    nested ??
    first?.message ??
    first?.detail ??
    message ??
    error_description ??
    detail ??
    (typeof error === 'string' ? error : undefined) ??
    title ??
    null
  );
}

// --- Rate-limit headers -------------------------------------------------------------------

// X: x-rate-limit-*; Mastodon: X-RateLimit-* (header names are case-insensitive); Bluesky and
// the IETF draft: ratelimit-*.
const REMAINING_HEADERS = [
  'x-rate-limit-remaining',
  'x-ratelimit-remaining',
  'ratelimit-remaining',
];
const RESET_HEADERS = ['x-rate-limit-reset', 'x-ratelimit-reset', 'ratelimit-reset'];
// Meta reports usage as percentages of quotas, not calls left
// (developers.facebook.com/docs/graph-api/overview/rate-limiting).
const MetaUsage = z.looseObject({
  call_count: z.number().optional(),
  total_cputime: z.number().optional(),
  total_time: z.number().optional(),
  /** Minutes until calls are allowed again (business use case header). */
  estimated_time_to_regain_access: z.number().optional(),
});
type MetaUsage = z.infer<typeof MetaUsage>;
const FLAT_USAGE_HEADERS = ['x-app-usage', 'x-page-usage', 'x-ad-account-usage'];
const BusinessUseCaseUsage = z.record(z.string(), z.array(MetaUsage));
/** Numbers at or above this are epoch seconds; smaller ones are seconds from now. */
const EPOCH_SECONDS_FLOOR = 1_000_000_000;

/** A reset header's time: epoch seconds (X, Bluesky), seconds from now, or a date (Mastodon). */
export function parseResetTime(value: string, now: Date): Date | null {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return new Date(
      seconds >= EPOCH_SECONDS_FLOOR ? seconds * 1000 : now.getTime() + seconds * 1000,
    );
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : new Date(at);
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** What the response's headers say about the rate limit, or null when they say nothing. */
export function parseRateLimit(headers: Headers, now: Date): RateLimitState | null {
  const remainingText = firstHeader(headers, REMAINING_HEADERS);
  const resetText = firstHeader(headers, RESET_HEADERS);
  const remaining =
    remainingText !== null && /^\d+$/.test(remainingText) ? Number(remainingText) : null;
  const resetAt = resetText !== null ? parseResetTime(resetText, now) : null;
  if (remaining !== null || resetAt !== null) return { remaining, resetAt };

  // Meta: at 100% of any quota calls are refused until estimated_time_to_regain_access passes.
  const usages: MetaUsage[] = [];
  for (const name of FLAT_USAGE_HEADERS) {
    const parsed = MetaUsage.safeParse(parseJsonHeader(headers.get(name)));
    if (parsed.success) usages.push(parsed.data);
  }
  const business = BusinessUseCaseUsage.safeParse(
    parseJsonHeader(headers.get('x-business-use-case-usage')),
  );
  if (business.success) usages.push(...Object.values(business.data).flat());
  if (usages.length === 0) return null;
  const usedPercent = Math.max(
    ...usages.map((u) => Math.max(u.call_count ?? 0, u.total_cputime ?? 0, u.total_time ?? 0)),
  );
  const regainMinutes = Math.max(...usages.map((u) => u.estimated_time_to_regain_access ?? 0));
  if (usedPercent < 100 && regainMinutes === 0) return { remaining: null, resetAt: null };
  return {
    remaining: 0,
    resetAt: regainMinutes > 0 ? new Date(now.getTime() + regainMinutes * 60_000) : null,
  };
}

function untilReset(rateLimit: RateLimitState | null, now: Date): number | undefined {
  if (rateLimit?.remaining !== 0 || rateLimit.resetAt === null) return undefined;
  return Math.max(0, rateLimit.resetAt.getTime() - now.getTime());
}

function firstHeader(headers: Headers, names: string[]): string | null {
  for (const name of names) {
    const value = headers.get(name)?.trim();
    if (value) return value;
  }
  return null;
}

function parseJsonHeader(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    // A malformed usage header is not worth failing a publish over: it counts as absent.
    return undefined;
  }
}
