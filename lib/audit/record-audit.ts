// The audit log is append-only: this module only ever inserts (and a database trigger refuses
// updates and deletes). Callers pass their transaction so the event and the change commit together.
import type { Prisma } from '@/prisma/generated/client';
import { type AuditAction, entityTypeOf } from './audit-actions';

/** Who did it, as the audit log shows them. */
export interface AuditActor {
  userId: string | null;
  /** The user's email, "system", or "api-token:<prefix>". */
  label: string;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, label: 'system' };

export interface AuditEntry {
  /** One of the typed list in audit-actions.ts; it names the kind of thing (the entity type). */
  action: AuditAction;
  entityId: string;
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
}

type AuditWriter = Pick<Prisma.TransactionClient, 'auditEvent'>;

/** JSON-safe copy (Dates as ISO strings, undefined dropped); null stays "no value". */
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

const row = (actor: AuditActor, entry: AuditEntry) => ({
  actorId: actor.userId,
  actorLabel: actor.label,
  action: entry.action,
  entityType: entityTypeOf(entry.action),
  entityId: entry.entityId,
  organisationId: entry.organisationId ?? null,
  before: snapshot(entry.before),
  after: snapshot(entry.after),
});

export async function recordAudit(
  writer: AuditWriter,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await writer.auditEvent.create({ data: row(actor, entry) });
}

/** Many events in one insert (a fan-out of forty posts is forty events, one round trip). */
export async function recordAuditMany(
  writer: AuditWriter,
  actor: AuditActor,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await writer.auditEvent.createMany({ data: entries.map((entry) => row(actor, entry)) });
}
