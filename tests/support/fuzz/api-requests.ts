// Requests for one route, generated: who calls (each demo role, nobody, a bad or malformed
// token), the path ids, the query string and the body in every shape a client could send,
// from well-formed JSON to the wrong content type, an empty body or one over the size limit.
import fc from 'fast-check';
import type { Route } from './routes';
import { type KnownValues, inputFor } from './from-schema';
import { knownFor } from './known-values';
import { hostileValue, nastyString } from './values';

/** The demo users of README.md, one per role, and the ways of calling as nobody. */
export const ROLE_EMAILS = {
  lead: 'lead@nw-rocu.example',
  commsOfficer: 'comms@lancashire.example',
  partner: 'partner@lancashire-county-council.example',
  viewer: 'viewer@cumbria.example',
  admin: 'admin@nw-rocu.example',
} as const;
export type Role = keyof typeof ROLE_EMAILS;
export const CALLERS = [
  ...(Object.keys(ROLE_EMAILS) as Role[]),
  'nobody',
  'badToken',
  'malformedAuthorization',
  'badSessionCookie',
] as const;
export type Caller = (typeof CALLERS)[number];

export type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; contentType: string }
  | { kind: 'text'; text: string; contentType: string | null }
  | { kind: 'form'; fields: [string, string | Uint8Array][] }
  | { kind: 'oversized'; bytes: number; contentType: string };

export interface FuzzRequest {
  caller: Caller;
  params: Record<string, string>;
  query: [string, string][];
  body: Body;
  /** A Content-Length header that may lie about the body. */
  contentLength?: string;
}

const DEFAULT_BODY_LIMIT = 64 * 1024;
/** Past the largest body any route takes (an upload: 15 MB and its multipart wrapping). */
const LARGEST_BODY = 16 * 1024 * 1024;

const queryValue = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

function queryFor(route: Route, known: KnownValues): fc.Arbitrary<[string, string][]> {
  const schema = route.endpoint?.query;
  const fromSchema = schema
    ? inputFor(schema, known).map((value): [string, string][] =>
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? Object.entries(value).flatMap(([key, inner]) =>
              Array.isArray(inner)
                ? inner.map((item): [string, string] => [key, queryValue(item)])
                : [[key, queryValue(inner)]],
            )
          : [['q', queryValue(value)]],
      )
    : fc.constant([]);
  const stray = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom('__proto__', 'constructor', 'limit', 'cursor', 'id'), nastyString),
      nastyString,
    ),
    { maxLength: 3 },
  );
  return fc
    .tuple(fromSchema, fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, stray))
    .map(([pairs, extra]) => [...pairs, ...extra]);
}

function bodyFor(route: Route, known: KnownRequestValues): fc.Arbitrary<Body> {
  const json = (value: fc.Arbitrary<unknown>) =>
    fc
      .tuple(
        value,
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'application/merge-patch+json',
        ),
      )
      .map(([inner, contentType]): Body => ({ kind: 'json', value: inner, contentType }));
  const schema = route.endpoint?.body;
  const limit = route.endpoint?.body
    ? (route.endpoint.maxBodyBytes ?? DEFAULT_BODY_LIMIT)
    : LARGEST_BODY;
  const text = fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          '',
          ' ',
          '{',
          '{"a":',
          'null',
          '[]',
          '"text"',
          '{"a":1}{"b":2}',
          // Deeper than a recursive walk survives, still inside the 64 KiB limit.
          `${'['.repeat(30_000)}${']'.repeat(30_000)}`,
          '\u0000',
          'a=1&b=2',
        ),
        nastyString,
      ),
      fc.constantFrom<string | null>(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        null,
        'multipart/form-data',
      ),
    )
    .map(([content, contentType]): Body => ({ kind: 'text', text: content, contentType }));
  const form = fc
    .array(
      fc.tuple(
        fc.constantFrom('file', 'image', 'body', '__proto__'),
        fc.oneof(nastyString, fc.uint8Array({ maxLength: 64 }), fc.constantFrom(...known.files)),
      ),
      { maxLength: 3 },
    )
    .map((fields): Body => ({ kind: 'form', fields }));
  const oversized = fc
    .constantFrom('application/json', 'multipart/form-data; boundary=x')
    .map((contentType): Body => ({ kind: 'oversized', bytes: limit + 1, contentType }));
  return fc.oneof(
    { weight: schema ? 16 : 1, arbitrary: json(schema ? inputFor(schema, known) : hostileValue) },
    { weight: 2, arbitrary: json(hostileValue) },
    { weight: 2, arbitrary: text },
    { weight: route.method === 'POST' ? 3 : 1, arbitrary: form },
    { weight: 1, arbitrary: oversized },
    { weight: 2, arbitrary: fc.constant<Body>({ kind: 'none' }) },
  );
}

export interface KnownRequestValues extends KnownValues {
  /** Files worth uploading: a real image, a truncated one. */
  files: readonly Uint8Array[];
}

/** A path parameter: mostly an id of the table its route names (`/posts/{id}` → posts). */
function paramFor(route: Route, name: string, known: KnownRequestValues): fc.Arbitrary<string> {
  const segments = route.path.split('/');
  const resource = segments[segments.indexOf(`{${name}}`) - 1] ?? name;
  const pool = knownFor(name === 'id' ? resource : name, known.byTable);
  return pool.length > 0
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, nastyString)
    : nastyString;
}

/** Mostly the demo roles, so requests get past sign-in; sometimes nobody, or a bad token. */
const caller = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...(Object.keys(ROLE_EMAILS) as Role[])) },
  { weight: 1, arbitrary: fc.constantFrom(...CALLERS) },
);

export function requestFor(route: Route, known: KnownRequestValues): fc.Arbitrary<FuzzRequest> {
  return fc.record(
    {
      caller,
      params: fc.record(
        Object.fromEntries(route.params.map((name) => [name, paramFor(route, name, known)])),
      ),
      query: queryFor(route, known),
      body: bodyFor(route, known),
      contentLength: fc.constantFrom('abc', '-1', '0', '99999999999', '1e3'),
    },
    { requiredKeys: ['caller', 'params', 'query', 'body'] },
  );
}

const oversizedBodies = new Map<number, string>();
/** One string per size, made once: sixteen megabytes per run would slow the suite for nothing. */
function oversizedBody(bytes: number): string {
  const made = oversizedBodies.get(bytes) ?? 'x'.repeat(bytes);
  oversizedBodies.set(bytes, made);
  return made;
}

/** The request's body and the headers that describe it. */
export function encodeBody(body: Body): { body?: BodyInit; contentType?: string } {
  switch (body.kind) {
    case 'none':
      return {};
    case 'json':
      return { body: JSON.stringify(body.value) ?? 'undefined', contentType: body.contentType };
    case 'text':
      return { body: body.text, contentType: body.contentType ?? undefined };
    case 'form': {
      const form = new FormData();
      for (const [name, value] of body.fields) {
        if (typeof value === 'string') form.append(name, value);
        else form.append(name, new Blob([new Uint8Array(value)]), 'upload.jpg');
      }
      return { body: form };
    }
    case 'oversized':
      return { body: oversizedBody(body.bytes), contentType: body.contentType };
  }
}
