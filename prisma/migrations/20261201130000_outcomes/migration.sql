-- Help-seeking figures say whether they were published (issue 7, point 6) and who imported them.
ALTER TABLE "help_seeking_figures" ADD COLUMN "illustrative" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "help_seeking_figures" ADD COLUMN "createdById" TEXT;
