// Every route under app/api/v1 is described in the OpenAPI document, with each of its methods:
// the document is the contract partners build against, and a route missing from it is a route
// nobody outside knows the rules of.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

const API_ROOT = path.resolve(import.meta.dirname, '../../app/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
// The document itself is served at this route.
const NOT_DESCRIBED = new Set(['GET /openapi.json']);

function routeFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === 'route.ts' ? [full] : [];
  });
}

/** "GET /messages/{id}/preview" for each method a route file exports. */
function routesInCode(): string[] {
  return routeFiles(API_ROOT).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const route = path
      .relative(API_ROOT, path.dirname(file))
      .split(path.sep)
      .map((segment) => segment.replace(/^\[(.+)\]$/, '{$1}'))
      .join('/');
    return METHODS.filter((method) =>
      new RegExp(`export (const|async function|function) ${method}\\b`).test(source),
    ).map((method) => `${method} /${route}`);
  });
}

describe('the OpenAPI document', () => {
  it('describes every route under app/api/v1, with each of its methods', () => {
    const document = buildOpenApiDocument('http://localhost:3000');
    const described = Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
      METHODS.filter((method) => method.toLowerCase() in (item ?? {})).map(
        (method) => `${method} ${route}`,
      ),
    );
    const inCode = routesInCode().filter((route) => !NOT_DESCRIBED.has(route));
    expect(inCode.length).toBeGreaterThan(30);
    expect(inCode.filter((route) => !described.includes(route)).sort()).toEqual([]);
    expect(described.filter((route) => !inCode.includes(route)).sort()).toEqual([]);
  });
});
