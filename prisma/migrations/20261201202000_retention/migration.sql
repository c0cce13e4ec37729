-- Retention (issue 12): a published post's text can be removed after its time, keeping the row and
-- its figures; the audit log stays append-only, except that the retention job may delete its
-- oldest rows. The job says so with a transaction-local setting (SET LOCAL signpost.retention =
-- 'on'); nothing else in Signpost sets it. This guards against the application's own mistakes, not
-- against someone who can run SQL as the owner: they could drop the trigger too.
ALTER TABLE "posts" ADD COLUMN "textRemovedAt" TIMESTAMP(3);

CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('signpost.retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
END;
$$;

-- The retention job finds expired sessions and sign-in records by these.
CREATE INDEX "sessions_expiresAt_idx" ON "sessions"("expiresAt");
CREATE INDEX "audit_events_action_at_idx" ON "audit_events"("action", "at");
CREATE INDEX "reach_snapshots_collectedAt_idx" ON "reach_snapshots"("collectedAt");
