-- Search and exports (issue 10, points 6 and 7).

-- Search: words are found anywhere in a title or text with ILIKE '%word%', which a B-tree cannot
-- serve; pg_trgm's GIN indexes can (bench/search.ts, docs/BENCHMARKS.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A message is found by its title, body and per-platform overrides together: one generated column
-- (jsonb's text is its values with their keys; a platform's name matching is harmless).
ALTER TABLE "messages" ADD COLUMN "search_text" TEXT
  GENERATED ALWAYS AS ("title" || ' ' || "body" || ' ' || "overrides"::text) STORED;

CREATE INDEX "messages_search_text_trgm_idx" ON "messages" USING GIN ("search_text" gin_trgm_ops);
CREATE INDEX "messages_title_trgm_idx" ON "messages" USING GIN ("title" gin_trgm_ops);
CREATE INDEX "posts_text_trgm_idx" ON "posts" USING GIN ("text" gin_trgm_ops);

-- CreateTable
CREATE TABLE "calendar_feeds" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "lastFetchedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_tokenHash_key" ON "calendar_feeds"("tokenHash");

-- CreateIndex
CREATE INDEX "calendar_feeds_userId_idx" ON "calendar_feeds"("userId");

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
