-- Connecting a channel by OAuth: one row per start of a platform's authorisation flow.
CREATE TABLE "channel_authorisations" (
    "id" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "channelId" TEXT,
    "verifierSealed" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "offeredSealed" TEXT,
    "pickedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_authorisations_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "channel_authorisations_stateHash_key" ON "channel_authorisations"("stateHash");
CREATE INDEX "channel_authorisations_userId_idx" ON "channel_authorisations"("userId");
CREATE INDEX "channel_authorisations_expiresAt_idx" ON "channel_authorisations"("expiresAt");
