// How long each kind of record is kept, and the cut-off dates that follow on a given night. Pure:
// `now` and the deployment's settings come in, dates go out. A period of 0 days keeps for ever.
import type { Env } from '../env';

export const RETAINED = ['postText', 'snapshots', 'audit', 'sessions', 'signIns'] as const;
export type Retained = (typeof RETAINED)[number];

/** Days each kind is kept; 0 keeps it for ever. */
export type RetentionPolicy = Record<Retained, number>;

/** Removed if older than this (strictly before it); null: kept for ever. */
export type RetentionCutoffs = Record<Retained, Date | null>;

/** The audit actions that are sign-in records, kept for RETENTION_SIGN_IN_DAYS, not the audit's. */
export const SIGN_IN_ACTIONS = ['user.signed_in'] as const;

export function retentionPolicy(settings: Env): RetentionPolicy {
  return {
    postText: settings.RETENTION_POST_TEXT_DAYS,
    snapshots: settings.RETENTION_SNAPSHOT_DAYS,
    audit: settings.RETENTION_AUDIT_DAYS,
    sessions: settings.RETENTION_SESSION_DAYS,
    signIns: settings.RETENTION_SIGN_IN_DAYS,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days of 24 hours back from `now`, so a record is removed the same number of hours after its
 * time however the clocks change in between.
 */
export function planRetention(policy: RetentionPolicy, now: Date): RetentionCutoffs {
  const cutoff = (days: number) => (days === 0 ? null : new Date(now.getTime() - days * DAY_MS));
  return {
    postText: cutoff(policy.postText),
    snapshots: cutoff(policy.snapshots),
    audit: cutoff(policy.audit),
    sessions: cutoff(policy.sessions),
    // A sign-in is an audit event too: it never outlives the audit log's own period.
    signIns: cutoff(
      policy.audit === 0 ? policy.signIns : Math.min(policy.signIns || policy.audit, policy.audit),
    ),
  };
}

/** Whether a record of this kind, dated `at`, is past its time under these cut-offs. */
export function isPastRetention(cutoffs: RetentionCutoffs, kind: Retained, at: Date): boolean {
  const cutoff = cutoffs[kind];
  return cutoff !== null && at.getTime() < cutoff.getTime();
}
