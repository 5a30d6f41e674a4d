-- Restricted-case leaks closed (docs/rules/restricted-cases.md; docs/security.md AC-02, AC-04).

-- MAPPA: the claimant's contact details are kept in the nominated-officer-only annex, with the date
-- they were given and who phoned the restrictions through (13.68-13.72, 3.32-3.39).
ALTER TABLE "MappaAnnex"
  ADD COLUMN "contactAlternativeTelephone" VARCHAR(40),
  ADD COLUMN "contactEmail" VARCHAR(320),
  ADD COLUMN "contactGivenOn" DATE,
  ADD COLUMN "restrictionsPhonedBy" VARCHAR(200);

-- SCR: an intake whose NINO matches an SCR case the intaking user may not see creates the case
-- restricted and alerts the nominated officers, who merge, keep or close it with a reason.
CREATE TYPE "ScrDuplicateResolution" AS ENUM ('merged', 'kept', 'closed');

CREATE TABLE "ScrDuplicateAlert" (
  "id" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "caseId" UUID NOT NULL,
  "scrCaseId" UUID NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "resolution" "ScrDuplicateResolution",
  "reason" VARCHAR(2000),
  "resolvedById" UUID,
  "resolvedAt" TIMESTAMPTZ(3),
  "version" INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT "ScrDuplicateAlert_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ScrDuplicateAlert_caseId_key" ON "ScrDuplicateAlert"("caseId");
CREATE INDEX "ScrDuplicateAlert_organisationId_resolvedAt_idx" ON "ScrDuplicateAlert"("organisationId", "resolvedAt");
CREATE INDEX "ScrDuplicateAlert_scrCaseId_idx" ON "ScrDuplicateAlert"("scrCaseId");
ALTER TABLE "ScrDuplicateAlert" ADD CONSTRAINT "ScrDuplicateAlert_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScrDuplicateAlert" ADD CONSTRAINT "ScrDuplicateAlert_scrCaseId_fkey" FOREIGN KEY ("scrCaseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
