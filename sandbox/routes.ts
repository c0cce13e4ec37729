// How a platform is described to the sandbox: its routes, each a small handler over the request,
// and the platform's own error shape. Handlers refuse by throwing a Refusal with the reply the
// real platform would give.
import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import { platformRules } from '@/lib/platforms/rules';
import type { Platform } from '@/lib/platforms/types';
import type { ParsedBody } from './body';
import type { RateWindow } from './rate-limits';
import type { SandboxPost, SandboxState } from './state';
import { readToken } from './tokens';

export interface SandboxRequest {
  method: string;
  /** The path after the platform's API root, e.g. `/2/tweets`, `/{page-id}/feed`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** This platform's origin in the sandbox (`http://127.0.0.1:4011`), for URLs it hands out. */
  origin: string;
  /** The whole URL as the client addressed it, without the query (OAuth 1.0a signs it). */
  url: string;
  /** How the body was sent, and its fields (JSON, form or multipart). */
  parsed: ParsedBody;
  /** The body's fields; refuses with the platform's 400 when the body cannot be read. */
  body(): unknown;
  /** The rate-limit window this call was counted in, once the caller is known. */
  rateWindow?: RateWindow;
}

export interface SandboxReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SandboxRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Segments starting with ':' are parameters: `/:pageId/feed`. */
  path: string;
  /**
   * Set on the call that creates a post: faults apply to it. Names the account it posts for ('' when
   * the request does not say, which the handler then refuses), or false when this call makes no post.
   */
  publishes?: (request: SandboxRequest) => string | false;
  /** Set on the calls that read a post's figures: faults apply to them too. Names the account. */
  readsMetrics?: (request: SandboxRequest, state: SandboxState) => string;
  handle(request: SandboxRequest, state: SandboxState): SandboxReply | Promise<SandboxReply>;
  /** A page for a person's browser (an OAuth consent page): it answers in HTML, refusals too. */
  browserPage?: boolean;
}

export type FaultKind = '429' | '500' | '401';

export interface AdoptedPost {
  account: string;
  /** The platform's id for it; the sandbox makes one in the platform's form when not given. */
  id?: string | undefined;
  text: string;
  receivedAt: Date;
}

export interface SandboxPlatform {
  platform: Platform;
  routes: SandboxRoute[];
  /** The platform's own error reply for a status and message. */
  error(status: number, message: string): SandboxReply;
  /** The platform's reply to an injected fault (429 carries Retry-After and its own headers). */
  fault(kind: FaultKind, retryAfterSeconds: number, now: Date): SandboxReply;
  /** The platform's answer to a path it does not serve (its 404, or XRPC's 501). */
  unknownPath?(request: SandboxRequest): SandboxReply;
  /** Runs before every route's handler (a platform-wide rate limit); may refuse. */
  beforeRoute?(request: SandboxRequest, state: SandboxState): void;
  /** A post already published on the platform, taken in by POST /_sandbox/posts (demo data). */
  adopt(post: AdoptedPost, state: SandboxState): SandboxPost;
  /** Headers the platform adds to every answer (rate-limit state), once the reply is known. */
  everyAnswer?(request: SandboxRequest, reply: SandboxReply, state: SandboxState): SandboxReply;
}

/** Thrown by a handler to answer with the platform's refusal. */
export class Refusal extends Error {
  constructor(readonly reply: SandboxReply) {
    super(`refused with ${reply.status}`);
    this.name = 'Refusal';
  }
}

export function matchRoute(
  routes: SandboxRoute[],
  method: string,
  path: string,
): { route: SandboxRoute; params: Record<string, string> } | null {
  // Django-style APIs (Nextdoor) end paths with '/': trailing slashes do not matter here.
  const segments = path.split('/').filter((segment) => segment !== '');
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter((segment) => segment !== '');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = safeDecode(segments[i] ?? '');
      if (part.startsWith(':')) params[part.slice(1)] = segment;
      return part.startsWith(':') || part === segment;
    });
    if (matches) return { route, params };
  }
  return null;
}

/** decodeURIComponent, keeping a malformed escape as sent (it then matches nothing). */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Bad input gets the platform's own refusal further on, never a sandbox error.
    return text;
  }
}

/** The Authorization header's bearer token, or null. */
export function bearerToken(request: SandboxRequest): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/** The bearer token, or the Graph API's `access_token` parameter. */
export function accessToken(request: SandboxRequest): string | null {
  return bearerToken(request) ?? request.query.get('access_token');
}

/** The account the request's token acts for, if it is a token the sandbox issued ('' if not). */
export function tokenAccount(request: SandboxRequest, platform: Platform): string {
  const token = accessToken(request);
  return (token && readToken(token, platform)?.account) || '';
}

/** Parses the body with the schema, refusing with the platform's 400 naming the field. */
export function parseBody<T>(
  request: SandboxRequest,
  schema: z.ZodType<T>,
  platform: Pick<SandboxPlatform, 'error'>,
): T {
  const result = schema.safeParse(request.body());
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  throw new Refusal(
    platform.error(400, `Invalid parameter ${field}: ${issue?.message ?? 'invalid'}`),
  );
}

/** The post's length as the platform counts it, when it is over the platform's limit. */
export function overLimit(
  platform: Platform,
  text: string,
): { length: number; limit: number } | null {
  const rules = platformRules[platform];
  const length = rules.count(text);
  return length > rules.limit ? { length, limit: rules.limit } : null;
}
