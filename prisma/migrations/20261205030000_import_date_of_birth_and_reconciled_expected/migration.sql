-- Name + date of birth matching and the one-click expected referral from a reconciliation
-- (docs/decisions/0023-bulk-import-and-expected-referrals.md, 3.05).

-- The customer's date of birth, when a PRaP file or a Warm Handover call gives it.
ALTER TABLE "Claimant" ADD COLUMN "dateOfBirth" DATE;
ALTER TABLE "ExpectedReferral" ADD COLUMN "dateOfBirth" DATE;

-- An expected referral made in one click from a row of a reconciliation ("in the spreadsheet, no
-- case"): the row it came from, unique, so a repeated click makes no second one. The spreadsheet
-- does not say who made the call nor how to reach them, so those may be left blank.
ALTER TABLE "ExpectedReferral" ADD COLUMN "reconciliationId" UUID;
ALTER TABLE "ExpectedReferral" ADD COLUMN "reconciliationRow" INTEGER;
ALTER TABLE "ExpectedReferral" ALTER COLUMN "handoverRole" DROP NOT NULL;
CREATE UNIQUE INDEX "ExpectedReferral_reconciliationId_reconciliationRow_key" ON "ExpectedReferral"("reconciliationId", "reconciliationRow");
CREATE INDEX "ExpectedReferral_organisationId_surname_forename_idx" ON "ExpectedReferral"("organisationId", "surname", "forename");

-- An import of more than 1,000 rows commits through a job (imports:commit) where the database has
-- the job queue; the import page then only shows its progress instead of driving it.
ALTER TABLE "ReferralImport" ADD COLUMN "commitByJob" BOOLEAN NOT NULL DEFAULT false;
