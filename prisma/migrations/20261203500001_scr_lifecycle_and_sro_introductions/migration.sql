-- Issue 12, part B: SCR lifecycle and SRO introductions without dead ends
-- (docs/rules/restricted-cases.md "SCR lifecycle"; docs/rules/routes.md route 3).

-- A notice for a manager that needs no case to be named: when a nominated officer marks a case SCR
-- and so takes it from a caseworker who is not a nominated officer, the caseworker's manager is
-- told their caseload changed, never which case (13.77, 3.43). No foreign keys: a notice outlives
-- nothing it points at, and names no case.
CREATE TABLE "StaffNotice" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "siteId" UUID,
    "aboutUserId" UUID,
    "kind" VARCHAR(60) NOT NULL,
    "message" VARCHAR(1000) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "readById" UUID,

    CONSTRAINT "StaffNotice_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "StaffNotice_organisationId_readAt_idx" ON "StaffNotice"("organisationId", "readAt");

-- SESSRO1: the reason the provision is full, as the caseworker recorded it (13.47, 3.25); the date
-- JCP confirmed it received the SESSRO1 copy (13.49, 3.27); the decision on an earlier SES spell
-- with the same NINO (13.46, 3.24) and another DWP programme named at the introduction (13.45).
ALTER TABLE "Sessro1Form" ADD COLUMN "provisionFullReason" VARCHAR(2000);
ALTER TABLE "Sessro1Form" ADD COLUMN "jcpReceiptOn" DATE;
ALTER TABLE "Sessro1Form" ADD COLUMN "previousSpellReason" VARCHAR(2000);
ALTER TABLE "Sessro1Form" ADD COLUMN "otherProgrammeNamed" VARCHAR(200);

-- SL2: the marking the nominated officer chose instead of the case ruleset's, with the reason
-- (13.77, 3.43), where the case's ruleset was overridden.
ALTER TABLE "Sl2Form" ADD COLUMN "markingOverride" VARCHAR(30);
ALTER TABLE "Sl2Form" ADD COLUMN "markingOverrideReason" VARCHAR(2000);
