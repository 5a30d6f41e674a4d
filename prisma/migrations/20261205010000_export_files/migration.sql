-- CSV exports over the threshold (5,000 rows) are built by a background job and kept here for
-- 24 hours (docs/decisions/0022-background-jobs.md). The file's content is in the database
-- (bytea), so whichever app instance serves /downloads can send it; only its owner can download
-- it, and an hourly job deletes the expired ones.
CREATE TABLE "ExportFile" (
  "id" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "kind" VARCHAR(50) NOT NULL,
  -- The export and its filters, hashed: one pending file per user, export and filter (a double click makes one job).
  "dedupeKey" VARCHAR(100) NOT NULL,
  "params" JSONB NOT NULL,
  "label" VARCHAR(200) NOT NULL,
  "filename" VARCHAR(200) NOT NULL,
  "status" VARCHAR(20) NOT NULL DEFAULT 'queued',
  "rowsTotal" INTEGER NOT NULL,
  "rowsWritten" INTEGER NOT NULL DEFAULT 0,
  "content" BYTEA,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "completedAt" TIMESTAMPTZ(3),
  "expiresAt" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "ExportFile_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ExportFile_status_check" CHECK ("status" IN ('queued', 'running', 'ready', 'failed')),
  CONSTRAINT "ExportFile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ExportFile_userId_createdAt_idx" ON "ExportFile"("userId", "createdAt");
CREATE INDEX "ExportFile_dedupeKey_idx" ON "ExportFile"("dedupeKey");
CREATE INDEX "ExportFile_expiresAt_idx" ON "ExportFile"("expiresAt");
