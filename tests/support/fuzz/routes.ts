// Every HTTP route of the app, found from the code rather than listed by hand: the route files
// under app/api/v1 and app/media, each exported method handler, matched with its endpoint
// definition in lib/api/endpoints (the schemas the fuzzer generates from). A route added later
// is fuzzed without editing the suite.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Endpoint, HttpMethod } from '@/lib/api/endpoint';

export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export interface Route {
  /** `GET /api/v1/messages/{id}`: how failures name it. */
  name: string;
  file: string;
  method: Uppercase<HttpMethod> | 'HEAD';
  /** OpenAPI style, from the site root: `/api/v1/messages/{id}`. */
  path: string;
  params: string[];
  handler: RouteHandler;
  /** The endpoint definition, for routes of the public API (absent for media bytes, OpenAPI). */
  endpoint?: Endpoint;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ROUTE_FOLDERS = ['app/api/v1', 'app/media'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** Route files that are not JSON endpoints of lib/api/endpoints, and so have no definition. */
export const ROUTES_WITHOUT_ENDPOINT = [
  'GET /api/v1/openapi.json',
  'GET /media/{id}/{variant}',
  'HEAD /media/{id}/{variant}',
];

const isEndpoint = (value: unknown): value is Endpoint =>
  typeof value === 'object' &&
  value !== null &&
  'method' in value &&
  'path' in value &&
  'access' in value &&
  'response' in value;

function filesUnder(folder: string, name: RegExp): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => name.test(path.basename(file)))
    .map((file) => path.join(folder, file))
    .sort();
}

/** Every endpoint exported by a module of lib/api/endpoints, listed in ALL_ENDPOINTS or not. */
export async function definedEndpoints(): Promise<Endpoint[]> {
  const found = new Set<Endpoint>();
  for (const file of filesUnder('lib/api/endpoints', /\.ts$/)) {
    const exports = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const value of Object.values(exports)) if (isEndpoint(value)) found.add(value);
  }
  return [...found];
}

/** `app/api/v1/messages/[id]/route.ts` → `/api/v1/messages/{id}` (route groups dropped). */
function urlPath(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(.+)\]$/, '{$1}'));
  return `/${segments.join('/')}`;
}

export async function discoverRoutes(endpoints: readonly Endpoint[]): Promise<Route[]> {
  const routes: Route[] = [];
  for (const folder of ROUTE_FOLDERS) {
    for (const file of filesUnder(folder, /^route\.ts$/)) {
      const exports = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      const routePath = urlPath(file);
      for (const method of METHODS) {
        const handler = exports[method];
        if (typeof handler !== 'function') continue;
        const endpoint = endpoints.find(
          (candidate) =>
            candidate.method.toUpperCase() === method && `/api/v1${candidate.path}` === routePath,
        );
        routes.push({
          name: `${method} ${routePath}`,
          file,
          method,
          path: routePath,
          params: [...routePath.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''),
          handler: handler as RouteHandler,
          endpoint,
        });
      }
    }
  }
  return routes;
}
