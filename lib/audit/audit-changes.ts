// What an audit event changed: its before and after snapshots compared field by field, nested
// objects opened up ("wording.x.short", "overrides.bluesky"), so a reader sees the exact words that
// changed rather than two blobs of JSON: each field named in words ("Text on Bluesky"), times in
// UK time, yes and no for flags. Pure.
import { platformRules } from '../platforms/rules';
import { Platform } from '../platforms/types';
import { formatLocal } from '../scheduling/london-time';

export interface FieldChange {
  /** The field's path in the snapshot: "overrides.bluesky". */
  field: string;
  /** The field in words: "Text on Bluesky". */
  label: string;
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

// Fields whose name alone does not say what they are to a reader.
const FIELD_WORDS: Record<string, string> = {
  body: 'Text',
  scheduledAt: 'Time',
  heldReason: 'Why it is held',
  nextAttemptAt: 'Next attempt',
  externalId: 'Id on the platform',
  externalUrl: 'Link on the platform',
  messageId: 'Message id',
  channelId: 'Channel id',
  batchId: 'Scheduled together as',
  claimedBy: 'Worker',
  by: 'Worker',
  target: 'For',
  shareable: 'Shareable with partners',
  credentials: 'Credential fields',
  postsHeld: 'Posts held',
  endsAt: 'Ends',
  startsAt: 'Starts',
  liftedAt: 'Lifted',
  revokedAt: 'Revoked',
  expiresAt: 'Expires',
  uploadedBytes: 'Bytes uploaded',
  helplineName: 'Helpline name',
};

const platformLabel = (name: string | undefined) => {
  const platform = Platform.safeParse(name);
  return platform.success ? platformRules[platform.data].label : name;
};

/** "overrides.bluesky" → "Text on Bluesky"; "wording.x.short" → "X wording, short"; "postsHeld" → "Posts held". */
export function fieldLabel(field: string): string {
  const [head = '', second, third] = field.split('.');
  if (head === 'overrides' && second) return `Text on ${platformLabel(second)}`;
  if (head === 'wording' && second)
    return `${platformLabel(second)} wording${third ? `, ${third}` : ''}`;
  const words = FIELD_WORDS[head] ?? head.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return second ? `${label}: ${field.split('.').slice(1).join(' ')}` : label;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string')
    return ISO_INSTANT.test(value) ? formatLocal(new Date(value)) : value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.join(', ');
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
    .map((field) => ({
      field,
      label: fieldLabel(field),
      before: show(was.get(field)),
      after: show(now.get(field)),
    }));
}
