-- The welcome call (3.07) as a recorded step, and the exit notices as tasks with a clock
-- (3.05, 3.16, 13.21, 13.36, 13.37). docs/rules/clocks.md "Welcome call", "Exit notice".

-- What was arranged on the welcome call: outcome, first day, what to bring, reasonable adjustments.
ALTER TABLE "Case" ADD COLUMN "welcomeCall" JSONB;
-- The exit notice (UC452 part 8a/8b to the UC Service Centre, or the Customer Exit Tracker to the
-- DEA/Work Coach): when it falls due, and when it was recorded as sent.
ALTER TABLE "Case" ADD COLUMN "exitNoticeDueOn" DATE;
ALTER TABLE "Case" ADD COLUMN "exitNoticeSentOn" DATE;
CREATE INDEX "Case_exitNoticeDueOn_idx" ON "Case"("exitNoticeDueOn");

-- The Customer Exit Tracker goes to the referring DEA/Work Coach (3.05, 3.16).
ALTER TYPE "InboxKind" ADD VALUE IF NOT EXISTS 'dea_work_coach';

-- Part 6 amended with a reason (13.21): the amended version is sent as a new version.
ALTER TABLE "Uc452Form" ADD COLUMN "amendmentReason" VARCHAR(500);
