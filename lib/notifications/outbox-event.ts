// One claimed outbox row, with the audit event it stands for: what the dispatcher hands to the
// planners of notifications (lib/notifications/plan-notifications.ts) and webhook deliveries
// (lib/webhooks/plan-deliveries.ts).
export interface OutboxEvent {
  outboxId: bigint;
  auditEventId: bigint;
  at: Date;
  /** An audit action (lib/audit/audit-actions.ts) that the outbox trigger forwards. */
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  actorId: string | null;
  actorLabel: string;
  before: unknown;
  after: unknown;
}

/** A field of the event's after (or else before) snapshot, when it is a string. */
export function snapshotString(event: OutboxEvent, field: string): string | undefined {
  for (const side of [event.after, event.before]) {
    if (side && typeof side === 'object' && field in side) {
      const value = (side as Record<string, unknown>)[field];
      if (typeof value === 'string') return value;
    }
  }
  return undefined;
}
