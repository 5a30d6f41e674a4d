-- Issue 11 part A (docs/rules/decisions.md: business dates): the Warm Handover call (13.11, 13.15,
-- 3.05) has its own business date, entered at intake. Existing cases took the call on the day the
-- referral was made as far as the app knows, so they get their referral date.
ALTER TABLE "Case" ADD COLUMN "warmHandoverOn" DATE;
UPDATE "Case" SET "warmHandoverOn" = "referralDate" WHERE "route" IN ('prap_two_stage', 'prap_single');
