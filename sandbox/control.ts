// The sandbox's control surface for tests and demos (API.md, "The platform sandbox"): what was
// published, injected faults and added latency. Bad input answers 400 in API.md's error shape.
import { z } from 'zod';
import { Platform } from '@/lib/platforms/types';
import type { ParsedBody } from './body';
import type { SandboxReply } from './routes';
import { FAULT_KINDS, type SandboxState } from './state';

const PostsQuery = z.strictObject({
  platform: Platform.optional(),
  account: z.string().min(1).optional(),
});
const FaultRequest = z.strictObject({
  platform: Platform,
  account: z.string().min(1).optional(),
  kind: z.enum(FAULT_KINDS),
  count: z.number().int().min(1).max(100_000),
  retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
});
const ConfigRequest = z
  .strictObject({
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** false lifts the platforms' rate limits and X's duplicate-content rule (benchmarks). */
    quotas: z.boolean().optional(),
  })
  .refine((config) => config.latencyMs !== undefined || config.quotas !== undefined, {
    message: 'latencyMs or quotas is required',
  });
const DEFAULT_RETRY_AFTER_SECONDS = 5;

export interface ControlContext {
  state: SandboxState;
  /** Each platform's API root in this sandbox, as its adapter is given it. */
  platforms: () => Record<Platform, string>;
}

export function handleControl(
  method: string,
  path: string,
  query: URLSearchParams,
  parsed: ParsedBody,
  { state, platforms }: ControlContext,
): SandboxReply {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const body = () => (parsed.kind === 'json' || parsed.kind === 'empty' ? parsed.value : undefined);
  switch (route) {
    case 'GET /_sandbox/health':
      return ok({
        status: 'ok',
        posts: state.posts.size,
        faults: state.faults.length,
        latencyMs: state.latencyMs,
        quotas: state.quotas,
        platforms: platforms(),
      });
    case 'GET /_sandbox/posts': {
      const filter = PostsQuery.safeParse(Object.fromEntries(query));
      if (!filter.success) return invalid(filter.error);
      const posts = state
        .list(filter.data)
        .map(({ platform, account, id, text, media, receivedAt, extra }) => ({
          platform,
          account,
          id,
          text,
          media,
          receivedAt: receivedAt.toISOString(),
          // Links carried beside the text (Bluesky facets), which the text alone does not show.
          ...('links' in extra ? { links: extra.links } : {}),
        }));
      return ok(posts);
    }
    case 'DELETE /_sandbox/posts':
      return ok({ deleted: state.forgetPosts() });
    case 'GET /_sandbox/faults':
      return ok(state.faults);
    case 'POST /_sandbox/faults': {
      const fault = FaultRequest.safeParse(body());
      if (!fault.success) return invalid(fault.error);
      const { platform, account, kind, count, retryAfterSeconds } = fault.data;
      const added = {
        platform,
        account: account ?? null,
        kind,
        remaining: count,
        retryAfterSeconds: retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
      };
      state.faults.push(added);
      return { status: 201, body: added };
    }
    case 'DELETE /_sandbox/faults': {
      const deleted = state.faults.length;
      state.faults = [];
      return ok({ deleted });
    }
    case 'GET /_sandbox/config':
      return ok({ latencyMs: state.latencyMs, quotas: state.quotas });
    case 'POST /_sandbox/config': {
      const config = ConfigRequest.safeParse(body());
      if (!config.success) return invalid(config.error);
      state.latencyMs = config.data.latencyMs ?? state.latencyMs;
      state.quotas = config.data.quotas ?? state.quotas;
      return ok({ latencyMs: state.latencyMs, quotas: state.quotas });
    }
    default:
      return {
        status: 404,
        body: {
          error: {
            code: 'not_found',
            message: `${route} is not part of the sandbox's control surface; the platforms answer at their own addresses (GET /_sandbox/health lists them)`,
          },
        },
      };
  }
}

function ok(body: unknown): SandboxReply {
  return { status: 200, body };
}

function invalid(error: z.ZodError): SandboxReply {
  const fields = Object.fromEntries(
    error.issues.map((issue) => [issue.path.join('.') || 'body', issue.message]),
  );
  const message = `Invalid request: ${Object.entries(fields)
    .map(([field, why]) => `${field}: ${why}`)
    .join('; ')}`;
  return { status: 400, body: { error: { code: 'validation_failed', message, fields } } };
}
