// Every server action, found from the code: each export of an app/**/actions.ts file, with the
// argument schema serverAction() or withArguments() gave it, matched with its id in the build's
// server-reference manifest (.next/server/server-reference-manifest.json) and a page that uses it.
// An action added later is fuzzed without editing the suite.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

export interface ServerAction {
  /** `app/(app)/schedule/actions.ts#cancelPostAction`: how failures name it. */
  name: string;
  file: string;
  exportName: string;
  /** Absent when the action was not declared with serverAction() or withArguments(). */
  argumentSchema?: z.ZodTuple;
  /** Absent when the build has no such action (nothing uses it, or the build is stale). */
  id?: string;
  /** A page that uses the action; Next runs it there. */
  page?: string;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
  workers: Record<string, unknown>;
}

/** `app/(app)/messages/[id]/page` → `/messages/fuzz` (route groups dropped, any id will do). */
function pagePath(worker: string): string {
  const segments = worker
    .split('/')
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.+\]$/.test(segment) ? 'fuzz' : segment));
  return `/${segments.join('/')}`;
}

export async function discoverActions(): Promise<ServerAction[]> {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, ManifestEntry> };
  const files = readdirSync(path.join(ROOT, 'app'), { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'actions.ts')
    .map((file) => path.join('app', file))
    .sort();
  const actions: ServerAction[] = [];
  for (const file of files) {
    const exports = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      if (typeof value !== 'function') continue;
      const schema = (value as { argumentSchema?: z.ZodTuple }).argumentSchema;
      const [id, entry] =
        Object.entries(manifest.node).find(
          ([, candidate]) => candidate.filename === file && candidate.exportedName === exportName,
        ) ?? [];
      const workers = Object.keys(entry?.workers ?? {});
      // A page without a dynamic segment where there is one: any id will do, but none is simpler.
      const worker = workers.find((candidate) => !candidate.includes('[')) ?? workers[0];
      actions.push({
        name: `${file}#${exportName}`,
        file,
        exportName,
        argumentSchema: schema,
        id,
        page: worker ? pagePath(worker) : undefined,
      });
    }
  }
  return actions;
}
