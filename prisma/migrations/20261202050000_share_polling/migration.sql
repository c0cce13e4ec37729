-- Figures read from a share's public link, and its polling plan (issue 11, point 2).
ALTER TABLE "shares" ADD COLUMN "views" INTEGER,
ADD COLUMN "reactions" INTEGER,
ADD COLUMN "comments" INTEGER,
ADD COLUMN "shares" INTEGER,
ADD COLUMN "linkClicks" INTEGER,
ADD COLUMN "engagements" INTEGER,
ADD COLUMN "nextPollAt" TIMESTAMP(3),
ADD COLUMN "pollsDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "lastPolledAt" TIMESTAMP(3),
ADD COLUMN "unreadable" TEXT;

CREATE INDEX "shares_nextPollAt_idx" ON "shares"("nextPollAt");
