// What the Facebook, Instagram and Threads adapters share: reading Meta's error codes, the
// insights edge, and waiting for a media container (Instagram, Threads) to be ready.
import { z } from 'zod';
import { log } from '../../log';
import { PlatformError } from '../adapter';
import type { InsightValue } from '../figures';
import { callPlatform, type ClassifyFailure, type PlatformFailure } from '../http';
import type { Platform } from '../types';
import { pause, readUnlessRemoved } from './common';

const GraphError = z.object({
  error: z
    .object({
      code: z.number().optional(),
      error_subcode: z.number().optional(),
      is_transient: z.boolean().optional(),
    })
    .loose(),
});
// #100 is an invalid parameter; with subcode 33 the object itself does not exist (deleted).
const INVALID_PARAMETER = 100;
const NO_SUCH_OBJECT = 33;
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

const InsightValueShape = z.union([z.number(), z.record(z.string(), z.number())]);
const InsightsAnswer = z.looseObject({
  data: z.array(
    z.looseObject({
      name: z.string(),
      values: z.array(z.looseObject({ value: InsightValueShape.optional() })).optional(),
      total_value: z.looseObject({ value: InsightValueShape.optional() }).optional(),
    }),
  ),
});
type InsightsAnswer = z.infer<typeof InsightsAnswer>;

/** Graph's answer for an object that is not there: 404, or #100 with subcode 33. */
export function graphObjectMissing(failure: PlatformFailure): boolean {
  if (failure.status === 404) return true;
  const error = GraphError.safeParse(failure.body).data?.error;
  return error?.code === INVALID_PARAMETER && error.error_subcode === NO_SUCH_OBJECT;
}

/** #100 on the insights edge: a metric it does not (or no longer) offer, which fails the whole request. */
function metricRefused(failure: PlatformFailure): boolean {
  const error = GraphError.safeParse(failure.body).data?.error;
  return (
    failure.status === 400 &&
    error?.code === INVALID_PARAMETER &&
    error.error_subcode !== NO_SUCH_OBJECT
  );
}

export interface InsightsRead {
  /** Each metric asked for: its lifetime value, or null when Graph gave none or refused it. */
  values: Record<string, InsightValue | null>;
  /** Graph's answers as they came (one, or one per metric after a refusal). */
  raw: InsightsAnswer[];
}

/**
 * GET /{object-id}/insights?metric=…. Since Graph v23 one retired metric fails the whole request
 * with #100, so after a refusal each metric is asked for on its own: the refused ones are logged
 * and reported as null, the rest still count. 'removed' when the object no longer exists.
 */
export async function readInsights(options: {
  platform: Platform;
  baseUrl: string;
  objectId: string;
  metrics: readonly string[];
  bearer: string;
  signal: AbortSignal;
}): Promise<InsightsRead | 'removed'> {
  const together = await askInsights(options, options.metrics);
  if (together === 'removed') return together;
  if (together !== 'refused')
    return { values: insightValues(together, options.metrics), raw: [together] };
  const values: Record<string, InsightValue | null> = {};
  const raw: InsightsAnswer[] = [];
  for (const metric of options.metrics) {
    const alone = await askInsights(options, [metric]);
    if (alone === 'removed') return alone;
    if (alone === 'refused') {
      log.warn(
        { platform: options.platform, metric, objectId: options.objectId },
        'the platform refused an insights metric; it is reported as not available',
      );
      values[metric] = null;
      continue;
    }
    raw.push(alone);
    values[metric] = insightValues(alone, [metric])[metric] ?? null;
  }
  return { values, raw };
}

async function askInsights(
  options: { baseUrl: string; objectId: string; bearer: string; signal: AbortSignal },
  metrics: readonly string[],
): Promise<InsightsAnswer | 'removed' | 'refused'> {
  const url = new URL(`${options.baseUrl}/${encodeURIComponent(options.objectId)}/insights`);
  url.searchParams.set('metric', metrics.join(','));
  let refused = false;
  const classify: ClassifyFailure = (failure) => {
    if (!metricRefused(failure)) return classifyGraphFailure(failure);
    refused = true;
    return { kind: 'permanent' };
  };
  try {
    const answer = await readUnlessRemoved(
      {
        method: 'GET',
        url,
        bearer: options.bearer,
        signal: options.signal,
        schema: InsightsAnswer,
        classify,
      },
      graphObjectMissing,
    );
    return answer === 'removed' ? answer : answer.data;
  } catch (error) {
    if (refused && error instanceof PlatformError) return 'refused';
    throw error;
  }
}

/** Name → lifetime value; a metric left out, or given no value (Instagram's empty figures), is null. */
function insightValues(
  answer: InsightsAnswer,
  metrics: readonly string[],
): Record<string, InsightValue | null> {
  const byName = new Map(answer.data.map((entry) => [entry.name, entry]));
  return Object.fromEntries(
    metrics.map((metric) => {
      const entry = byName.get(metric);
      return [metric, entry?.values?.[0]?.value ?? entry?.total_value?.value ?? null];
    }),
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
