// The nightly retention run: removes what is past its time under the deployment's settings
// (plan-retention.ts), in batches so no table is locked for long, and records what it removed in
// the audit log ("retention.applied") and in a log line. Run by the workers (workers/registry.ts).
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';
import { db } from '../db';
import type { Logger } from '../log';
import {
  planRetention,
  type Retained,
  type RetentionCutoffs,
  type RetentionPolicy,
  SIGN_IN_ACTIONS,
} from './plan-retention';

const BATCH = 5000;

export type RetentionReport = Record<Retained, number> & { cutoffs: RetentionCutoffs };

/** Runs `batch` until it removes fewer than a batch's worth; returns how many it removed. */
async function inBatches(batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await batch();
    total += removed;
    if (removed < BATCH) return total;
  }
}

/**
 * Deletes from the audit log, which its trigger allows only inside a transaction that has said it
 * is the retention job (migration 20261201202000_retention).
 */
function deleteAuditEvents(before: Date, actions: readonly string[] | null): Promise<number> {
  return inBatches(() =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL signpost.retention = 'on'`;
      return actions
        ? tx.$executeRaw`
            DELETE FROM audit_events WHERE id IN (
              SELECT id FROM audit_events WHERE action = ANY(${actions}::text[]) AND at < ${before}
              ORDER BY id LIMIT ${BATCH})`
        : tx.$executeRaw`
            DELETE FROM audit_events WHERE id IN (
              SELECT id FROM audit_events WHERE at < ${before} ORDER BY id LIMIT ${BATCH})`;
    }),
  );
}

export async function applyRetention({
  policy,
  now,
  log,
}: {
  policy: RetentionPolicy;
  now: Date;
  log: Logger;
}): Promise<RetentionReport> {
  const cutoffs = planRetention(policy, now);
  const report: RetentionReport = {
    postText: 0,
    snapshots: 0,
    audit: 0,
    sessions: 0,
    signIns: 0,
    cutoffs,
  };

  if (cutoffs.postText) {
    const before = cutoffs.postText;
    // The post stays (its figures, its place in reports and the audit trail); only its words go.
    report.postText = await inBatches(
      () => db.$executeRaw`
        UPDATE posts SET text = '', "textRemovedAt" = ${now}, "updatedAt" = ${now}
        WHERE id IN (
          SELECT id FROM posts
          WHERE status = 'published' AND "publishedAt" < ${before} AND "textRemovedAt" IS NULL
          LIMIT ${BATCH})`,
    );
  }
  if (cutoffs.snapshots) {
    const before = cutoffs.snapshots;
    // Each post's latest figures are in post_reach, which is not touched.
    report.snapshots = await inBatches(
      () => db.$executeRaw`
        DELETE FROM reach_snapshots WHERE id IN (
          SELECT id FROM reach_snapshots WHERE "collectedAt" < ${before} LIMIT ${BATCH})`,
    );
  }
  if (cutoffs.sessions) {
    const before = cutoffs.sessions;
    report.sessions = await inBatches(
      () => db.$executeRaw`
        DELETE FROM sessions WHERE id IN (
          SELECT id FROM sessions WHERE "expiresAt" < ${before} LIMIT ${BATCH})`,
    );
  }
  if (cutoffs.signIns) report.signIns = await deleteAuditEvents(cutoffs.signIns, SIGN_IN_ACTIONS);
  if (cutoffs.audit) report.audit = await deleteAuditEvents(cutoffs.audit, null);

  const removed = {
    postText: report.postText,
    snapshots: report.snapshots,
    audit: report.audit,
    sessions: report.sessions,
    signIns: report.signIns,
  };
  await recordAudit(db, SYSTEM_ACTOR, {
    action: 'retention.applied',
    entityId: now.toISOString().slice(0, 10),
    after: { removed, policyDays: policy, cutoffs },
  });
  log.info({ removed, policyDays: policy }, 'retention applied');
  return report;
}
