// What an audit event changed: its before and after snapshots compared field by field, nested
// objects opened up ("wording.x.short", "overrides.bluesky"), so a reader sees the exact words that
// changed rather than two blobs of JSON. Pure.

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

// Bookkeeping that changes with every edit and says nothing to a reader.
const IGNORED = new Set(['updatedAt']);
const MAX_DEPTH = 3;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, depth: number, into: Map<string, unknown>) {
  if (isPlainObject(value) && depth < MAX_DEPTH) {
    for (const [name, inner] of Object.entries(value)) {
      if (depth === 0 && IGNORED.has(name)) continue;
      flatten(inner, prefix ? `${prefix}.${name}` : name, depth + 1, into);
    }
    return;
  }
  // A missing side (nothing before a creation) has no fields of its own.
  if (depth === 0 && (value === null || value === undefined)) return;
  into.set(prefix || 'value', value);
}

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const was = new Map<string, unknown>();
  const now = new Map<string, unknown>();
  flatten(before, '', 0, was);
  flatten(after, '', 0, now);
  const fields = [...new Set([...was.keys(), ...now.keys()])];
  return fields
    .filter((field) => JSON.stringify(was.get(field)) !== JSON.stringify(now.get(field)))
    .map((field) => ({ field, before: show(was.get(field)), after: show(now.get(field)) }));
}
