-- Issue 11 part A (docs/rules/rulesets.md, docs/rules/clocks.md,
-- docs/decisions/0009-rulesets-by-referral-date.md).
--
-- 1. There is no non-UC two-stage ruleset. A non-UC referral (purchase order 1…) runs the single
--    PRaP process whatever its date, so every ses_2016_non_uc case becomes ses_2017, and a case on
--    the two-stage route becomes a single-route case. Each moved case gets an audit row saying so.
INSERT INTO "AuditEvent" ("action", "entityType", "entityId", "caseId", "before", "after", "reason")
SELECT 'case.ruleset_migrated', 'Case', c."id"::text, c."id",
       jsonb_build_object('ruleset', c."ruleset"::text, 'route', c."route"::text),
       jsonb_build_object('ruleset', 'ses_2017', 'route', CASE WHEN c."route" = 'prap_two_stage' THEN 'prap_single' ELSE c."route"::text END),
       'The non-UC two-stage ruleset was withdrawn: non-UC referrals run the single PRaP process (docs/decisions/0009-rulesets-by-referral-date.md)'
FROM "Case" c WHERE c."ruleset" = 'ses_2016_non_uc';

UPDATE "Case"
SET "ruleset" = 'ses_2017',
    "route" = CASE WHEN "route" = 'prap_two_stage' THEN 'prap_single'::"CaseRoute" ELSE "route" END,
    "version" = "version" + 1
WHERE "ruleset" = 'ses_2016_non_uc';

ALTER TYPE "Ruleset" RENAME TO "Ruleset_before_20261203";
CREATE TYPE "Ruleset" AS ENUM ('ses_2016_uc', 'ses_2017');
ALTER TABLE "Case" ALTER COLUMN "ruleset" TYPE "Ruleset" USING ("ruleset"::text::"Ruleset");
DROP TYPE "Ruleset_before_20261203";

-- 2. A caseworker may choose the other ruleset only with a reason; the case keeps why and who.
ALTER TABLE "Case" ADD COLUMN "rulesetOverrideReason" VARCHAR(1000);
ALTER TABLE "Case" ADD COLUMN "rulesetOverriddenById" UUID;
ALTER TABLE "Case" ADD CONSTRAINT "Case_rulesetOverriddenById_fkey" FOREIGN KEY ("rulesetOverriddenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 3. Two obligations, two clocks (13.14 from the referral date; 13.67 from the date the PRaP
--    referral was received). The merged "later of the two dates" column goes. The new columns are
--    filled by the due-date recompute that runs after migrating (scripts/db-migrate.ts and
--    scripts/start.ts call lib/server/cases/recompute-after-migration.ts).
ALTER TABLE "Case" ADD COLUMN "ucpr1DuplicateRequestedOn" DATE;
ALTER TABLE "Case" RENAME COLUMN "ucpr1ChaseDueOn" TO "formsChaseDueOn";
ALTER TABLE "Case" ADD COLUMN "ucpr1DuplicateDueOn" DATE;
