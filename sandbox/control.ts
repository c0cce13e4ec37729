// The sandbox's control surface for tests and demos (API.md, "The platform sandbox"): what was
// published (and adopting posts published before, removing them, setting their figures),
// injected faults and added latency. Bad input answers 400 in API.md's error shape.
import { z } from 'zod';
import { Platform } from '@/lib/platforms/types';
import type { ParsedBody } from './body';
import { SANDBOX_PLATFORMS } from './dispatch';
import type { MailBox } from './mail';
import { FIGURE_NAMES } from './metrics';
import { safeDecode, type SandboxReply } from './routes';
import { FAULT_CALLS, FAULT_KINDS, type SandboxPost, type SandboxState } from './state';

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
  /** Only the call that creates a post, or only metrics reads; both when left out. */
  calls: z.enum(FAULT_CALLS).optional(),
});
const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const FiguresRequest = z
  .strictObject({
    platform: Platform,
    id: z.string().min(1),
    metrics: z.record(z.string(), z.union([Count, z.null(), z.record(z.string(), Count)])),
  })
  .superRefine((request, context) => {
    const names = FIGURE_NAMES[request.platform];
    for (const name of Object.keys(request.metrics)) {
      if (!names.includes(name))
        context.addIssue({
          code: 'custom',
          path: ['metrics', name],
          message: `${request.platform} reports ${names.join(', ')}`,
        });
    }
  });
const AdoptRequest = z.strictObject({
  platform: Platform,
  account: z.string().min(1),
  id: z.string().min(1).optional(),
  text: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
});
const ConfigRequest = z
  .strictObject({
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** false lifts the platforms' rate limits and X's duplicate-content rule (benchmarks). */
    quotas: z.boolean().optional(),
    /** Insights metrics Meta refuses with #100 from now on, besides the really retired ones. */
    retiredMetrics: z.array(z.string().min(1)).max(100).optional(),
  })
  .refine((config) => Object.values(config).some((value) => value !== undefined), {
    message: 'latencyMs, quotas or retiredMetrics is required',
  });
const DEFAULT_RETRY_AFTER_SECONDS = 5;

export interface ControlContext {
  state: SandboxState;
  /** What the sandbox's SMTP server received. */
  mail: MailBox;
  /** Each platform's API root in this sandbox, as its adapter is given it. */
  platforms: () => Record<Platform, string>;
}

export function handleControl(
  method: string,
  path: string,
  query: URLSearchParams,
  parsed: ParsedBody,
  { state, mail, platforms }: ControlContext,
): SandboxReply {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const body = () => (parsed.kind === 'json' || parsed.kind === 'empty' ? parsed.value : undefined);
  const removal = /^DELETE \/_sandbox\/posts\/([^/]+)\/(.+)$/.exec(route);
  if (removal) return removePost(state, safeDecode(removal[1] ?? ''), safeDecode(removal[2] ?? ''));
  switch (route) {
    case 'GET /_sandbox/health':
      return ok({
        status: 'ok',
        posts: state.posts.size,
        faults: state.faults.length,
        mail: mail.list().length,
        latencyMs: state.latencyMs,
        quotas: state.quotas,
        platforms: platforms(),
      });
    case 'GET /_sandbox/posts': {
      const filter = PostsQuery.safeParse(Object.fromEntries(query));
      if (!filter.success) return invalid(filter.error);
      const posts = state.list(filter.data).map(shown);
      return ok(posts);
    }
    case 'DELETE /_sandbox/posts':
      return ok({ deleted: state.forgetPosts() });
    case 'POST /_sandbox/posts': {
      const adopted = AdoptRequest.safeParse(body());
      if (!adopted.success) return invalid(adopted.error);
      const { platform, receivedAt, ...rest } = adopted.data;
      const post = SANDBOX_PLATFORMS[platform].adopt(
        { ...rest, receivedAt: new Date(receivedAt) },
        state,
      );
      if (state.find(platform, post.id))
        return problem(409, 'conflict', `${platform} already has a post ${post.id}`);
      state.record(post);
      return { status: 201, body: shown(post) };
    }
    case 'POST /_sandbox/metrics': {
      const request = FiguresRequest.safeParse(body());
      if (!request.success) return invalid(request.error);
      const { platform, id, metrics } = request.data;
      if (!state.find(platform, id))
        return problem(404, 'not_found', `${platform} has no post ${id}`);
      return ok({ platform, id, metrics: state.setFigures(platform, id, metrics) });
    }
    case 'GET /_sandbox/mail':
      return ok(mail.list());
    case 'DELETE /_sandbox/mail':
      return ok({ deleted: mail.clear() });
    case 'GET /_sandbox/calls':
      return ok(Object.fromEntries(state.calls));
    case 'GET /_sandbox/faults':
      return ok(state.faults);
    case 'POST /_sandbox/faults': {
      const fault = FaultRequest.safeParse(body());
      if (!fault.success) return invalid(fault.error);
      const { platform, account, kind, count, retryAfterSeconds, calls } = fault.data;
      const added = {
        platform,
        account: account ?? null,
        kind,
        remaining: count,
        retryAfterSeconds: retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
        calls: calls ?? null,
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
      return ok(config(state));
    case 'POST /_sandbox/config': {
      const change = ConfigRequest.safeParse(body());
      if (!change.success) return invalid(change.error);
      state.latencyMs = change.data.latencyMs ?? state.latencyMs;
      state.quotas = change.data.quotas ?? state.quotas;
      if (change.data.retiredMetrics) state.retiredMetrics = new Set(change.data.retiredMetrics);
      return ok(config(state));
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

function config(state: SandboxState) {
  return {
    latencyMs: state.latencyMs,
    quotas: state.quotas,
    retiredMetrics: [...state.retiredMetrics],
  };
}

function shown({ platform, account, id, text, media, receivedAt, extra }: SandboxPost) {
  return {
    platform,
    account,
    id,
    text,
    media,
    receivedAt: receivedAt.toISOString(),
    // Links carried beside the text (Bluesky facets), which the text alone does not show.
    ...('links' in extra ? { links: extra.links } : {}),
  };
}

function removePost(state: SandboxState, platform: string, id: string): SandboxReply {
  const known = Platform.safeParse(platform);
  if (!known.success) return problem(404, 'not_found', `${platform} is not a platform`);
  if (!state.remove(known.data, id))
    return problem(404, 'not_found', `${platform} has no post ${id}`);
  return ok({ removed: { platform, id } });
}

function problem(status: number, code: string, message: string): SandboxReply {
  return { status, body: { error: { code, message } } };
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
