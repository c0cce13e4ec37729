// What the Facebook, Instagram and Threads adapters share: reading Meta's error codes, the
// insights edge, and waiting for a media container (Instagram, Threads) to be ready.
import { z } from 'zod';
import { PlatformError } from '../adapter';
import { callPlatform, type ClassifyFailure } from '../http';
import { pause } from './common';

const GraphError = z.object({
  error: z.object({ code: z.number().optional(), is_transient: z.boolean().optional() }).loose(),
});
// developers.facebook.com/docs/graph-api/guides/error-handling: 190 and 102 mean the token is no
// longer valid, 10 and 200–299 a missing permission, 104 and 2500 no token at all.
const AUTH_CODES = new Set([102, 104, 190, 2500, 10]);
// Throttling arrives as 400/403 with one of these codes rather than as a 429.
const THROTTLE_CODES = new Set([
  4, 17, 32, 341, 613, 80001, 80002, 80004, 80005, 80006, 80008, 80014,
]);
// 1 (unknown) and 2 (service) are Meta's own transient failures.
const SERVICE_CODES = new Set([1, 2]);

/** Meta answers expired tokens and throttling with 400s; its error code says which it is. */
export const classifyGraphFailure: ClassifyFailure = ({ body, rateLimit, now }) => {
  const parsed = GraphError.safeParse(body);
  if (!parsed.success) return undefined;
  const { code, is_transient: isTransient } = parsed.data.error;
  if (code !== undefined && (AUTH_CODES.has(code) || (code >= 200 && code <= 299)))
    return { kind: 'auth' };
  if (code !== undefined && THROTTLE_CODES.has(code)) {
    const resetAt = rateLimit?.resetAt;
    return {
      kind: 'transient',
      ...(resetAt ? { retryAfterMs: Math.max(0, resetAt.getTime() - now.getTime()) } : {}),
    };
  }
  if (isTransient === true || (code !== undefined && SERVICE_CODES.has(code)))
    return { kind: 'transient' };
  return undefined;
};

export const Insights = z.object({
  data: z.array(
    z.object({ name: z.string(), values: z.array(z.object({ value: z.number() })).optional() }),
  ),
});

/** The insights edge as name → lifetime value. */
export function insightValues(insights: z.infer<typeof Insights>): Record<string, number> {
  return Object.fromEntries(
    insights.data.map((metric) => [metric.name, metric.values?.[0]?.value ?? 0]),
  );
}

const ContainerStatus = z.object({
  status_code: z.string().optional(),
  status: z.string().optional(),
  error_message: z.string().optional(),
});
const READY_STATUSES = new Set(['FINISHED', 'PUBLISHED']);
const FAILED_STATUSES = new Set(['ERROR', 'EXPIRED']);
// Instagram asks for status checks at most once a minute for five minutes; a publish job cannot
// wait that long, so it checks with backoff for about a minute and otherwise tries again later.
const WAIT_MS = [0, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/** Waits until the container can be published; a container that failed fails the post. */
export async function waitForContainer(options: {
  baseUrl: string;
  containerId: string;
  statusField: 'status_code' | 'status';
  bearer: string;
  signal: AbortSignal;
}): Promise<void> {
  const { baseUrl, containerId, statusField, bearer, signal } = options;
  for (const wait of WAIT_MS) {
    if (wait > 0) await pause(wait, signal);
    const url = new URL(`${baseUrl}/${encodeURIComponent(containerId)}`);
    url.searchParams.set(
      'fields',
      statusField === 'status' ? 'status,error_message' : 'status_code',
    );
    const { data } = await callPlatform({
      method: 'GET',
      url,
      bearer,
      signal,
      schema: ContainerStatus,
      classify: classifyGraphFailure,
    });
    const status = data[statusField] ?? 'UNKNOWN';
    if (READY_STATUSES.has(status)) return;
    if (FAILED_STATUSES.has(status)) {
      throw new PlatformError(
        'permanent',
        `The platform could not prepare the media (${data.error_message ?? status})`,
      );
    }
  }
  throw new PlatformError(
    'transient',
    'The platform is still preparing the media; trying again later',
  );
}

export const CreatedObject = z.object({ id: z.string() });
