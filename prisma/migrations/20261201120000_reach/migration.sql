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

-- Each UK day's reach per campaign, organisation, platform and theme, kept up to date with
-- post_reach (a post counted when published; each poll adds the change in its figures), so the
-- Reach page's views over months read thousands of rows, not a row per post. `*Reported` counts
-- the posts that report a figure: a sum with none reporting is "not reported", never 0.
CREATE TABLE "reach_daily" (
    "campaignId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "organisationId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "theme" "Theme" NOT NULL,
    "posts" INTEGER NOT NULL DEFAULT 0,
    "views" BIGINT NOT NULL DEFAULT 0,
    "viewsReported" INTEGER NOT NULL DEFAULT 0,
    "reactions" BIGINT NOT NULL DEFAULT 0,
    "reactionsReported" INTEGER NOT NULL DEFAULT 0,
    "comments" BIGINT NOT NULL DEFAULT 0,
    "commentsReported" INTEGER NOT NULL DEFAULT 0,
    "shares" BIGINT NOT NULL DEFAULT 0,
    "sharesReported" INTEGER NOT NULL DEFAULT 0,
    "linkClicks" BIGINT NOT NULL DEFAULT 0,
    "linkClicksReported" INTEGER NOT NULL DEFAULT 0,
    "engagements" BIGINT NOT NULL DEFAULT 0,
    "engagementsReported" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "reach_daily_pkey" PRIMARY KEY ("campaignId", "day", "organisationId", "platform", "theme")
);
