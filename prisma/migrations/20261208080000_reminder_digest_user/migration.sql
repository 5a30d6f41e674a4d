-- A reminder digest belongs to its user (docs/decisions/0035-work-queue-page-cost.md, amendment:
-- the case page). The relation lets the session's one read of the user also count the user's
-- unread digests for the header, one round trip less on every signed-in page. Users are never
-- deleted (they are deactivated), so the cascade is for completeness; a digest whose user does not
-- exist could never be read by anyone and is removed first.
DELETE FROM "ReminderDigest" d WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = d."userId");

ALTER TABLE "ReminderDigest"
  ADD CONSTRAINT "ReminderDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
