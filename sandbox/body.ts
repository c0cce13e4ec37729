// Reading requests and writing answers. A body is read as the platforms' own servers read it: JSON,
// a form (application/x-www-form-urlencoded) or multipart/form-data, with Rails-style bracketed
// names (`media_ids[]=1&media_ids[]=2`, `poll[options][]=a`) decoded into arrays and objects, as
// Mastodon and other Rails and Rack servers decode them. Anything else is left as bytes.
import { parseMultipart, type UploadedFile } from './multipart';

// Names no decoded form may set: they would reach Object.prototype.
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export type ParsedBody =
  | { kind: 'empty'; value: Record<string, never> }
  | { kind: 'json' | 'form' | 'multipart'; value: unknown }
  /** Not JSON, not a form: an upload's bytes (read from `raw`), or JSON that does not parse. */
  | { kind: 'bytes' | 'unreadable'; value: undefined };

export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  const type = (contentType ?? '').toLowerCase();
  if (raw.length === 0) return { kind: 'empty', value: {} };
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { kind: 'form', value: decodeFields(new URLSearchParams(raw.toString('utf8'))) };
  }
  if (type.startsWith('multipart/form-data')) {
    const entries = parseMultipart(raw, contentType ?? '');
    if (!entries) return { kind: 'unreadable', value: undefined };
    return { kind: 'multipart', value: decodeFields(entries) };
  }
  if (!type.includes('json')) return { kind: 'bytes', value: undefined };
  try {
    return { kind: 'json', value: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    // The platform answers with its own "not valid JSON" refusal (SandboxRequest.body()).
    return { kind: 'unreadable', value: undefined };
  }
}

/** Form fields with bracketed names decoded: `a[]` appends, `a[b]` nests, a plain name is set. */
export function decodeFields(
  entries: Iterable<[string, string | UploadedFile]>,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
    const path = match
      ? [match[1] ?? '', ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '')]
      : [name];
    if (path.some((segment) => UNSAFE_NAMES.has(segment))) continue;
    assign(fields, path, value);
  }
  return fields;
}

function assign(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [name = '', next, ...rest] = path;
  if (next === undefined) {
    target[name] = value;
    return;
  }
  if (next === '') {
    const list = Array.isArray(target[name]) ? (target[name] as unknown[]) : [];
    list.push(value);
    target[name] = list;
    return;
  }
  const child = target[name];
  const object =
    typeof child === 'object' && child !== null && !Array.isArray(child)
      ? (child as Record<string, unknown>)
      : {};
  target[name] = object;
  assign(object, [next, ...rest], value);
}
