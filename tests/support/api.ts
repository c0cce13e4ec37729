// Calls a route handler as Next.js would, with a real Request: the handler, its validation, the
// database and Redis all run for real; only the HTTP server is skipped (the e2e tests have it).
import { issueApiToken } from '@/lib/auth/api-tokens';

type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  /** A raw body, sent as is (for malformed JSON and wrong content types). */
  rawBody?: string;
  contentType?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface CallResult<T = unknown> {
  status: number;
  /** Parsed when the answer is JSON; otherwise the text. */
  body: T;
  headers: Headers;
  /** The answer as text (a CSV export) and as bytes (a PDF). */
  text: string;
  bytes: Uint8Array;
}

export async function call<T = unknown>(
  handler: RouteHandler,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const url = new URL(`http://localhost/api/v1${path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  let body: string | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    body = options.rawBody ?? JSON.stringify(options.body);
    headers.set('content-type', options.contentType ?? 'application/json');
  }
  const request = new Request(url, {
    method: options.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const json = (response.headers.get('content-type') ?? 'application/json').includes('json');
  return {
    status: response.status,
    body: (json ? (text ? JSON.parse(text) : null) : text) as T,
    headers: response.headers,
    text,
    bytes,
  };
}

const tokens = new Map<string, string>();

/** A personal API token for a demo user (cached per test file). */
export async function tokenFor(email: string): Promise<string> {
  const cached = tokens.get(email);
  if (cached) return cached;
  const { token } = await issueApiToken(
    { email, password: process.env.DEMO_PASSWORD ?? 'signpost-demo' },
    `test-${email}`,
  );
  tokens.set(email, token);
  return token;
}

export function forgetTokens(): void {
  tokens.clear();
}
