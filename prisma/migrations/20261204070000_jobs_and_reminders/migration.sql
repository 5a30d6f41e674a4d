-- Background jobs and daily reminders (docs/decisions/0022-background-jobs.md; docs/security.md SO-05, SO-07, SO-08).
-- The job queue itself is graphile-worker's own schema ("graphile_worker"), migrated by the
-- library; these tables are the app's side of it.

-- One reminder digest per person per working day. The unique (userId, day) key is what makes the
-- digest exactly-once across any number of app instances and workers: the row is written in the
-- same transaction as the job that e-mails it is queued.
CREATE TABLE "ReminderDigest" (
  "id" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "day" DATE NOT NULL,
  "summary" VARCHAR(500) NOT NULL,
  "sections" JSONB NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "readAt" TIMESTAMPTZ(3),
  "emailSentAt" TIMESTAMPTZ(3),
  CONSTRAINT "ReminderDigest_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReminderDigest_userId_day_key" ON "ReminderDigest"("userId", "day");
CREATE INDEX "ReminderDigest_userId_readAt_idx" ON "ReminderDigest"("userId", "readAt");

-- Each worker process writes its heartbeat here: /readyz checks that one is recent, and a worker
-- whose heartbeat has stopped (killed) has its locked jobs released at once rather than after
-- graphile-worker's four-hour stale-lock timeout.
CREATE TABLE "WorkerHeartbeat" (
  "workerId" VARCHAR(100) NOT NULL,
  "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "beatAt" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("workerId")
);
