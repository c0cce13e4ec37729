-- Shares made outside Signpost by partners ("I shared this"), issue 11.
-- CreateTable
CREATE TABLE "shares" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "url" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shares_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "shares_messageId_organisationId_idx" ON "shares"("messageId", "organisationId");

-- CreateIndex
CREATE INDEX "shares_organisationId_createdAt_idx" ON "shares"("organisationId", "createdAt");

-- AddForeignKey
ALTER TABLE "shares" ADD CONSTRAINT "shares_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shares" ADD CONSTRAINT "shares_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shares" ADD CONSTRAINT "shares_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
