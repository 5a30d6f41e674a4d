-- Bulk import of PRaP referrals, expected referrals from Warm Handover calls (3.05) and the
-- reconciliation of the monthly referral spreadsheet
-- (docs/decisions/0023-bulk-import-and-expected-referrals.md).

CREATE TABLE "ReferralImport" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "fileName" VARCHAR(260) NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "headers" JSONB NOT NULL,
    "mapping" JSONB,
    "rowCount" INTEGER NOT NULL,
    "nextRow" INTEGER NOT NULL DEFAULT 1,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "committedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReferralImport_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ReferralImport_organisationId_checksum_idx" ON "ReferralImport"("organisationId", "checksum");
CREATE INDEX "ReferralImport_organisationId_createdAt_idx" ON "ReferralImport"("organisationId", "createdAt");

CREATE TABLE "ReferralImportRow" (
    "importId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "cells" JSONB NOT NULL,
    "outcome" VARCHAR(20) NOT NULL,
    "problems" JSONB,
    "caseId" UUID,

    CONSTRAINT "ReferralImportRow_pkey" PRIMARY KEY ("importId", "rowNumber")
);
ALTER TABLE "ReferralImportRow" ADD CONSTRAINT "ReferralImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ReferralImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ImportMapping" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "mapping" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ImportMapping_organisationId_kind_name_key" ON "ImportMapping"("organisationId", "kind", "name");

CREATE TABLE "ExpectedReferral" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "handoverRole" "ContactRole" NOT NULL,
    "handoverName" VARCHAR(200) NOT NULL,
    "handoverPhone" VARCHAR(40) NOT NULL,
    "handoverEmail" VARCHAR(320) NOT NULL,
    "jobcentre" VARCHAR(200),
    "forename" VARCHAR(100) NOT NULL,
    "surname" VARCHAR(100) NOT NULL,
    "nino" VARCHAR(9),
    "calledOn" DATE NOT NULL,
    "calledAt" VARCHAR(5),
    "notes" VARCHAR(2000),
    "status" VARCHAR(20) NOT NULL,
    "caseId" UUID,
    "closedReason" VARCHAR(500),
    "closedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ExpectedReferral_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ExpectedReferral_organisationId_status_calledOn_idx" ON "ExpectedReferral"("organisationId", "status", "calledOn");
CREATE INDEX "ExpectedReferral_nino_idx" ON "ExpectedReferral"("nino");

CREATE TABLE "Reconciliation" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "fileName" VARCHAR(260) NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "results" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reconciliation_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Reconciliation_organisationId_checksum_idx" ON "Reconciliation"("organisationId", "checksum");
