-- Amplification (issue 11, point 3): share packs downloaded are counted, and a lead's reminder to
-- a partner is an audit event that the outbox turns into a notification and an email.
-- CreateTable
CREATE TABLE "share_pack_downloads" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_pack_downloads_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "share_pack_downloads_messageId_organisationId_idx" ON "share_pack_downloads"("messageId", "organisationId");

-- AddForeignKey
ALTER TABLE "share_pack_downloads" ADD CONSTRAINT "share_pack_downloads_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_pack_downloads" ADD CONSTRAINT "share_pack_downloads_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_pack_downloads" ADD CONSTRAINT "share_pack_downloads_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The reminder's rate limit (one per partner per message per day) reads the audit log, by
-- audit_events_entityType_entityId_at_idx.

-- The outbox trigger forwards reminders too.
DROP TRIGGER audit_events_notification_outbox ON "audit_events";
CREATE TRIGGER audit_events_notification_outbox
  AFTER INSERT ON "audit_events"
  FOR EACH ROW
  WHEN (NEW.action IN (
    'message.submit', 'message.approve', 'message.reject', 'message.remind',
    'post.published', 'post.failed', 'post.held',
    'channel.needs_reauth', 'channel.token_expiring',
    'pause.created', 'pause.lifted',
    'webhook.disabled'
  ))
  EXECUTE FUNCTION signpost_notification_outbox();
