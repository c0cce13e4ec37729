-- Welsh and English published together (issue 13).
CREATE TYPE "ChannelLanguage" AS ENUM ('en', 'cy', 'bilingual');
CREATE TYPE "PostLanguage" AS ENUM ('en', 'cy', 'bilingual');

ALTER TABLE "organisations"
  ADD COLUMN "languages" TEXT[] NOT NULL DEFAULT ARRAY['en']::TEXT[],
  ADD COLUMN "nameCy" TEXT,
  ADD COLUMN "areaCy" TEXT;

ALTER TABLE "channels" ADD COLUMN "language" "ChannelLanguage" NOT NULL DEFAULT 'en';

ALTER TABLE "messages"
  ADD COLUMN "bodyCy" TEXT,
  ADD COLUMN "overridesCy" JSONB NOT NULL DEFAULT '{}';

ALTER TABLE "message_media" ADD COLUMN "altTextCy" TEXT;

ALTER TABLE "posts"
  ADD COLUMN "language" "PostLanguage" NOT NULL DEFAULT 'en',
  ADD COLUMN "pairId" TEXT;
CREATE INDEX "posts_pairId_idx" ON "posts"("pairId");

ALTER TABLE "signpost_versions"
  ADD COLUMN "wordingCy" JSONB,
  ADD COLUMN "wordingCyReviewed" BOOLEAN NOT NULL DEFAULT false;
