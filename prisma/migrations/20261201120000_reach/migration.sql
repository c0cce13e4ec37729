-- Reach (issue 7): snapshots keep every poll with null for what a platform does not report, and
-- post_reach keeps each post's latest figures so the Reach page sums one row per post.

-- The old snapshots were never written (no poller existed); their shape could not say "not reported".
DROP TABLE "reach_snapshots";

CREATE TABLE "reach_snapshots" (
    "id" BIGSERIAL NOT NULL,
    "postId" TEXT NOT NULL,
    "collectedAt" TIMESTAMP(3) NOT NULL,
    "views" INTEGER,
    "reactions" INTEGER,
    "comments" INTEGER,
    "shares" INTEGER,
    "linkClicks" INTEGER,
    "raw" JSONB NOT NULL,

    CONSTRAINT "reach_snapshots_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "reach_snapshots_postId_collectedAt_idx" ON "reach_snapshots"("postId", "collectedAt");
ALTER TABLE "reach_snapshots" ADD CONSTRAINT "reach_snapshots_postId_fkey" FOREIGN KEY ("postId") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "post_reach" (
    "postId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "theme" "Theme" NOT NULL,
    "platform" "Platform" NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "collectedAt" TIMESTAMP(3),
    "views" INTEGER,
    "reactions" INTEGER,
    "comments" INTEGER,
    "shares" INTEGER,
    "linkClicks" INTEGER,
    "engagements" INTEGER,
    "removed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "post_reach_pkey" PRIMARY KEY ("postId")
);
CREATE INDEX "post_reach_campaignId_publishedAt_idx" ON "post_reach"("campaignId", "publishedAt");
CREATE INDEX "post_reach_organisationId_publishedAt_idx" ON "post_reach"("organisationId", "publishedAt");
ALTER TABLE "post_reach" ADD CONSTRAINT "post_reach_postId_fkey" FOREIGN KEY ("postId") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "posts" ADD COLUMN "nextPollAt" TIMESTAMP(3),
ADD COLUMN "pollsDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "removedAt" TIMESTAMP(3);
CREATE INDEX "posts_nextPollAt_idx" ON "posts"("nextPollAt");
