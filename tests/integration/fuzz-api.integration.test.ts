// Bad input, everywhere, automatically (issue 8): every route under app/api/v1 and app/media,
// found from the code, called with generated requests as each role and as nobody. Whatever
// arrives, the answer is never a 500, always API.md's format, and a refused request leaves every
// table (and the media folder) as it was. FUZZ_RUNS sets the runs per route (default below).
import { readdir } from 'node:fs/promises';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { contractBreaches } from '../support/fuzz/api-contract';
import { checkProperty } from '../support/fuzz/check';
import {
  type Caller,
  encodeBody,
  type FuzzRequest,
  type KnownRequestValues,
  ROLE_EMAILS,
  type Role,
  requestFor,
} from '../support/fuzz/api-requests';
import { knownStrings } from '../support/fuzz/known-values';
import {
  definedEndpoints,
  discoverRoutes,
  ROUTES_WITHOUT_ENDPOINT,
  type Route,
} from '../support/fuzz/routes';
import { buildWorld } from '../support/fuzz/world';
import { everyTableRowCount, prismaQuery } from '../support/row-counts';

// 40 runs for each of the 43 route handlers: about 1,700 requests, a minute on CI (see the note on
// issue 8). FUZZ_RUNS=1000 for a deeper hunt by hand.
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const endpoints = await definedEndpoints();
const routes = await discoverRoutes(endpoints);

const tokens = new Map<Role, string>();
let known: KnownRequestValues;

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  const now = new Date();
  const { files } = await buildWorld(now);
  for (const [role, email] of Object.entries(ROLE_EMAILS) as [Role, string][])
    tokens.set(role, await tokenFor(email));
  known = { byTable: await knownStrings(prismaQuery), now, files };
}, 120_000);

function headersFor(caller: Caller): Headers {
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.8' });
  const token = tokens.get(caller as Role);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (caller === 'badToken') headers.set('authorization', 'Bearer sp_this-token-was-never-issued');
  if (caller === 'malformedAuthorization') headers.set('authorization', 'Basic c2lnbnBvc3Q6eA==');
  if (caller === 'badSessionCookie')
    headers.set('cookie', 'better-auth.session_token=forged.c2lnbmF0dXJl');
  return headers;
}

function toRequest(route: Route, fuzz: FuzzRequest): Request {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    // As a client would send it: lone surrogates become U+FFFD (the handler gets the raw value).
    encodeURIComponent(Buffer.from(fuzz.params[name] ?? '').toString()),
  );
  const url = new URL(`http://localhost${path}`);
  for (const [key, value] of fuzz.query) url.searchParams.append(key, value);
  const headers = headersFor(fuzz.caller);
  const { body, contentType } =
    route.method === 'GET' || route.method === 'HEAD' ? {} : encodeBody(fuzz.body);
  if (contentType) headers.set('content-type', contentType);
  if (fuzz.contentLength) headers.set('content-length', fuzz.contentLength);
  return new Request(url, { method: route.method, headers, body });
}

/**
 * The files of stored images (originals and thumbnails). A platform's copy is a cache, made on
 * first use by whoever needs it (a refused approval may check the images first), not state.
 */
async function storedImageFiles(): Promise<string[]> {
  const folder = process.env.MEDIA_DIR ?? '';
  const files = await readdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return files.filter((file) => /(^|\/)(original\.\w+|thumbnail\.webp)$/.test(file)).sort();
}

const state = async () => ({ rows: await everyTableRowCount(), images: await storedImageFiles() });

describe('the routes the fuzzer finds', () => {
  it('include every endpoint defined in lib/api/endpoints, each served by a route file', () => {
    const served = new Set(routes.flatMap((route) => (route.endpoint ? [route.endpoint] : [])));
    const unserved = endpoints.filter((endpoint) => !served.has(endpoint));
    expect(unserved.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual([]);
  });

  it('have an endpoint definition each, except the routes that are not JSON endpoints', () => {
    const undefinedRoutes = routes.filter((route) => !route.endpoint).map((route) => route.name);
    expect(undefinedRoutes.sort()).toEqual([...ROUTES_WITHOUT_ENDPOINT].sort());
  });
});

describe.each(routes)('$name', (route) => {
  it('answers any request, from anyone, without a 500 and in the error format; a refusal writes nothing', async () => {
    const statuses = new Map<number, number>();
    await checkProperty(
      fc.asyncProperty(requestFor(route, known), async (fuzz) => {
        const before = await state();
        const response = await route.handler(toRequest(route, fuzz), {
          params: Promise.resolve(fuzz.params),
        });
        const answer = {
          status: response.status,
          contentType: response.headers.get('content-type'),
          text: await response.text(),
        };
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const breaches = contractBreaches(route, answer);
        if (breaches.length > 0) throw new Error(breaches.join('\n'));
        if (answer.status >= 400) expect(await state()).toEqual(before);
      }),
      RUNS,
    );
    // FUZZ_STATS=1 shows how far the requests got: mostly 400s means validation stops them all.
    if (process.env.FUZZ_STATS) console.log(route.name, Object.fromEntries(statuses));
  }, 300_000);
});
