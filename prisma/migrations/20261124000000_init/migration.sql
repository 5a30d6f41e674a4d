-- SES Casework: initial schema (hand-written; see docs/decisions/0002-hand-written-migrations.md).
-- Follows the SQL that Prisma Migrate emits for prisma/schema.prisma, so `prisma migrate deploy`
-- elsewhere and lib/db/migrate.ts agree. tests/integration/db/schema-drift.test.ts checks it.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('caseworker', 'nominated_officer', 'manager', 'administrator');
CREATE TYPE "Nation" AS ENUM ('england_and_wales', 'scotland', 'northern_ireland');
CREATE TYPE "CaseRoute" AS ENUM ('prap_two_stage', 'prap_single', 'sro_introduction', 'scr_clerical');
CREATE TYPE "Ruleset" AS ENUM ('ses_2016_uc', 'ses_2016_non_uc', 'ses_2017');
CREATE TYPE "RestrictionTier" AS ENUM ('none', 'mappa', 'scr');
CREATE TYPE "Strand" AS ENUM ('sesmp', 'sessb');
CREATE TYPE "CaseState" AS ENUM ('introduced', 'introduction_accepted', 'provision_full', 'not_eligible', 'referred', 'acknowledged', 'assessment_booked', 'recommended', 'not_suitable', 'accepted', 'started', 'backed_out', 'completed', 'left_early', 'rejected', 'cancelled');
CREATE TYPE "ProvisionType" AS ENUM ('ia_opportunity', 'sesmp', 'sessb', 'ses_p2_national');
CREATE TYPE "Regime" AS ENUM ('uc', 'non_uc');
CREATE TYPE "PrapReferralStatus" AS ENUM ('received', 'acknowledged', 'accepted', 'rejected', 'cancelled', 'started', 'backed_out', 'completed', 'left_early');
CREATE TYPE "PrapReason" AS ENUM ('other', 'did_not_start', 'customer_no_longer_suitable');
CREATE TYPE "ReasonKind" AS ENUM ('rejection', 'cancellation', 'not_suitable', 'early_leaving', 'not_eligible');
CREATE TYPE "AssessmentOutcome" AS ENUM ('recommended', 'not_recommended');
CREATE TYPE "ContactRole" AS ENUM ('work_coach', 'disability_employment_adviser', 'jcp_spoc', 'sro', 'jcp_nominated_officer');
CREATE TYPE "ContactChannel" AS ENUM ('telephone', 'email', 'letter', 'text_message', 'in_person');
CREATE TYPE "ContactOutcome" AS ENUM ('successful', 'no_answer', 'message_left', 'wrong_number', 'declined');
CREATE TYPE "Uc452Part" AS ENUM ('parts_1_to_4', 'part_6', 'part_7', 'part_8a', 'part_8b');
CREATE TYPE "InboxKind" AS ENUM ('uc_service_centre', 'ses_policy');
CREATE TYPE "SroOutcome" AS ENUM ('accepted', 'provision_full', 'not_eligible_or_suitable');
CREATE TYPE "SecurePostDocument" AS ENUM ('sessro1_copy', 'sl2_page_1', 'sl2_referral_form', 'mappa_j', 'other');
CREATE TYPE "SecurePostDirection" AS ENUM ('sent', 'received');
CREATE TYPE "WelshLanguage" AS ENUM ('none', 'written', 'spoken', 'written_and_spoken');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "contactPhone" VARCHAR(40),
    "contactEmail" VARCHAR(320),
    "ucServiceCentreEmail" VARCHAR(320),
    "sesPolicyEmail" VARCHAR(320),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Site" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "nation" "Nation" NOT NULL,
    "address" VARCHAR(500),
    "capacity" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "siteId" UUID,
    "email" VARCHAR(320) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "passwordHash" VARCHAR(200) NOT NULL,
    "roles" "Role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastSignedInAt" TIMESTAMPTZ(3),
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Claimant" (
    "id" UUID NOT NULL,
    "title" VARCHAR(20),
    "forename" VARCHAR(100) NOT NULL,
    "surname" VARCHAR(100) NOT NULL,
    "nino" VARCHAR(9),
    "clientNumber" VARCHAR(40),
    "telephone" VARCHAR(40),
    "alternativeTelephone" VARCHAR(40),
    "addressLine1" VARCHAR(200),
    "addressLine2" VARCHAR(200),
    "town" VARCHAR(100),
    "postcode" VARCHAR(10),
    "disabled" BOOLEAN,
    "workSearchReviewAppointment" VARCHAR(200),
    "incidentMarker" BOOLEAN NOT NULL DEFAULT false,
    "childcareRequirements" VARCHAR(500),
    "drivingLicence" VARCHAR(100),
    "drivingEndorsements" VARCHAR(200),
    "aims" VARCHAR(1000),
    "jobPreferences" VARCHAR(1000),
    "preferredHours" VARCHAR(200),
    "claimPattern" VARCHAR(200),
    "availabilityRestrictions" VARCHAR(1000),
    "welshLanguage" "WelshLanguage",
    "vulnerable" BOOLEAN NOT NULL DEFAULT false,
    "disadvantaged" BOOLEAN,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Claimant_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EmploymentHistory" (
    "id" UUID NOT NULL,
    "claimantId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "startDate" DATE,
    "endDate" DATE,

    CONSTRAINT "EmploymentHistory_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Qualification" (
    "id" UUID NOT NULL,
    "claimantId" UUID NOT NULL,
    "sequenceNumber" INTEGER NOT NULL,
    "level" VARCHAR(100),
    "subject" VARCHAR(200) NOT NULL,
    "outcome" VARCHAR(100),
    "startDate" DATE,
    "endDate" DATE,

    CONSTRAINT "Qualification_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "organisationId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "claimantId" UUID NOT NULL,
    "route" "CaseRoute" NOT NULL,
    "ruleset" "Ruleset" NOT NULL,
    "state" "CaseState" NOT NULL,
    "restrictionTier" "RestrictionTier" NOT NULL DEFAULT 'none',
    "assignedCaseworkerId" UUID,
    "strand" "Strand",
    "referralDate" DATE,
    "referralReceivedOn" DATE,
    "initialAssessmentOn" DATE,
    "uc452ReceivedOn" DATE,
    "ucpr1ReceivedOn" DATE,
    "spocChasedOn" DATE,
    "welcomeCallOn" DATE,
    "firstMetOn" DATE,
    "anticipatedStartOn" DATE,
    "anticipatedEndOn" DATE,
    "startedOn" DATE,
    "endedOn" DATE,
    "backOutEmailAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "closureReasonId" UUID,
    "closureNote" VARCHAR(2000),
    "reReferralJustification" VARCHAR(2000),
    "mappaMarkedAt" TIMESTAMPTZ(3),
    "ucpr1ChaseDueOn" DATE,
    "welcomeCallDueOn" DATE,
    "meetDueOn" DATE,
    "startDueOn" DATE,
    "cancelDueAt" TIMESTAMPTZ(3),
    "nextDeadlineOn" DATE,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PrapReferral" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "purchaseOrderNumber" VARCHAR(9) NOT NULL,
    "referralId" VARCHAR(40) NOT NULL,
    "provisionId" VARCHAR(40) NOT NULL,
    "provision" "ProvisionType" NOT NULL,
    "regime" "Regime" NOT NULL,
    "referralDate" DATE NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "PrapReferralStatus" NOT NULL DEFAULT 'received',
    "reason" "PrapReason",
    "reasonNote" VARCHAR(2000),
    "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PrapReferral_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Reason" (
    "id" UUID NOT NULL,
    "kind" "ReasonKind" NOT NULL,
    "code" VARCHAR(60) NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "prapLabel" "PrapReason",
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Reason_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Contact" (
    "id" UUID NOT NULL,
    "caseId" UUID,
    "siteId" UUID,
    "role" "ContactRole" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "organisation" VARCHAR(200),
    "phone" VARCHAR(40),
    "email" VARCHAR(320),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "InitialAssessment" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "bookedFor" TIMESTAMPTZ(3),
    "venue" VARCHAR(300),
    "heldOn" DATE,
    "outcome" "AssessmentOutcome",
    "strand" "Strand",
    "anticipatedStartOn" DATE,
    "anticipatedEndOn" DATE,
    "spocPhonedOn" DATE,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InitialAssessment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Uc452Form" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "part" "Uc452Part" NOT NULL,
    "templateVersion" VARCHAR(40) NOT NULL DEFAULT 'uc452-2016',
    "fields" JSONB NOT NULL,
    "receivedOn" DATE,
    "completedAt" TIMESTAMPTZ(3),
    "completedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Uc452Form_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Uc452Email" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "part" "Uc452Part" NOT NULL,
    "inbox" "InboxKind" NOT NULL,
    "recipient" VARCHAR(320) NOT NULL,
    "snapshot" JSONB NOT NULL,
    "sentOn" DATE NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Uc452Email_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Ucpr1Form" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "receivedOn" DATE NOT NULL,
    "jobAims" VARCHAR(2000),
    "jobPreferences" VARCHAR(2000),
    "preferredHours" VARCHAR(500),
    "availabilityRestrictions" VARCHAR(2000),
    "specialArrangements" VARCHAR(2000),
    "complexNeeds" VARCHAR(2000),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Ucpr1Form_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Sessro1Form" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "sroOrganisation" VARCHAR(200) NOT NULL,
    "sroContactName" VARCHAR(200) NOT NULL,
    "sroPhone" VARCHAR(40),
    "sroEmail" VARCHAR(320),
    "title" VARCHAR(20),
    "surname" VARCHAR(100) NOT NULL,
    "forename" VARCHAR(100) NOT NULL,
    "nino" VARCHAR(9),
    "interviewAt" TIMESTAMPTZ(3),
    "interviewVenue" VARCHAR(300),
    "incompatibleProgrammeChecked" BOOLEAN NOT NULL DEFAULT false,
    "onIncompatibleProgramme" BOOLEAN,
    "eligible" BOOLEAN,
    "suitable" BOOLEAN,
    "previousSes" BOOLEAN,
    "previousSesAppropriate" BOOLEAN,
    "otherDwpProgrammes" VARCHAR(1000),
    "firstMetOn" DATE,
    "outcome" "SroOutcome",
    "part4Reason" VARCHAR(2000),
    "claimantToldOn" DATE,
    "sroContactedOn" DATE,
    "signedOn" DATE,
    "copyOfferedOn" DATE,
    "originalRetained" BOOLEAN NOT NULL DEFAULT false,
    "spocNotifiedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Sessro1Form_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Sl2Form" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "receivedOn" DATE NOT NULL,
    "page1CompletedOn" DATE,
    "page1ReturnedOn" DATE,
    "page1ReturnMethod" VARCHAR(200),
    "pages2And3Retained" BOOLEAN NOT NULL DEFAULT false,
    "referralFormReturnedOn" DATE,
    "referralFormReturnMethod" VARCHAR(200),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Sl2Form_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MappaAnnex" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "restrictions" VARCHAR(5000),
    "restrictionsPhonedOn" DATE,
    "mappaJReceivedOn" DATE,
    "contactTelephone" VARCHAR(40),
    "contactAddress" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "MappaAnnex_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MappaLetter" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "sentOn" DATE NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MappaLetter_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SecurePostLog" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "direction" "SecurePostDirection" NOT NULL,
    "document" "SecurePostDocument" NOT NULL,
    "method" VARCHAR(100) NOT NULL,
    "trackingNumber" VARCHAR(60),
    "counterparty" VARCHAR(200) NOT NULL,
    "postedOn" DATE NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SecurePostLog_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ContactAttempt" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "outcome" "ContactOutcome" NOT NULL,
    "note" VARCHAR(2000),
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactAttempt_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CaseNote" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "text" VARCHAR(10000) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseNote_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CaseAssignment" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "caseworkerId" UUID,
    "assignedById" UUID NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseAssignment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BankHoliday" (
    "id" UUID NOT NULL,
    "nation" "Nation" NOT NULL,
    "date" DATE NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "notes" VARCHAR(200),
    "computed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "BankHoliday_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Setting" (
    "key" VARCHAR(100) NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "RateLimit" (
    "key" VARCHAR(300) NOT NULL,
    "points" INTEGER NOT NULL,
    "windowEndsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorRoles" "Role"[],
    "action" VARCHAR(100) NOT NULL,
    "entityType" VARCHAR(60) NOT NULL,
    "entityId" VARCHAR(100),
    "caseId" UUID,
    "restrictedRead" BOOLEAN NOT NULL DEFAULT false,
    "before" JSONB,
    "after" JSONB,
    "reason" VARCHAR(2000),
    "ip" VARCHAR(100),
    "userAgent" VARCHAR(500),

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Site_organisationId_name_key" ON "Site"("organisationId", "name");
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_organisationId_active_idx" ON "User"("organisationId", "active");
CREATE INDEX "Claimant_nino_idx" ON "Claimant"("nino");
CREATE INDEX "Claimant_surname_forename_idx" ON "Claimant"("surname", "forename");
CREATE UNIQUE INDEX "EmploymentHistory_claimantId_sequence_key" ON "EmploymentHistory"("claimantId", "sequence");
CREATE UNIQUE INDEX "Qualification_claimantId_sequenceNumber_key" ON "Qualification"("claimantId", "sequenceNumber");
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");
CREATE INDEX "Case_organisationId_state_idx" ON "Case"("organisationId", "state");
CREATE INDEX "Case_assignedCaseworkerId_state_idx" ON "Case"("assignedCaseworkerId", "state");
CREATE INDEX "Case_siteId_state_idx" ON "Case"("siteId", "state");
CREATE INDEX "Case_restrictionTier_idx" ON "Case"("restrictionTier");
CREATE INDEX "Case_state_nextDeadlineOn_idx" ON "Case"("state", "nextDeadlineOn");
CREATE INDEX "Case_state_startDueOn_idx" ON "Case"("state", "startDueOn");
CREATE INDEX "Case_referralDate_idx" ON "Case"("referralDate");
CREATE INDEX "Case_startedOn_idx" ON "Case"("startedOn");
CREATE INDEX "Case_claimantId_idx" ON "Case"("claimantId");
CREATE UNIQUE INDEX "PrapReferral_purchaseOrderNumber_key" ON "PrapReferral"("purchaseOrderNumber");
CREATE UNIQUE INDEX "PrapReferral_referralId_key" ON "PrapReferral"("referralId");
CREATE INDEX "PrapReferral_caseId_idx" ON "PrapReferral"("caseId");
CREATE INDEX "PrapReferral_status_idx" ON "PrapReferral"("status");
CREATE UNIQUE INDEX "Reason_kind_code_key" ON "Reason"("kind", "code");
CREATE INDEX "Contact_caseId_idx" ON "Contact"("caseId");
CREATE INDEX "Contact_siteId_idx" ON "Contact"("siteId");
CREATE UNIQUE INDEX "InitialAssessment_caseId_key" ON "InitialAssessment"("caseId");
CREATE UNIQUE INDEX "Uc452Form_caseId_part_key" ON "Uc452Form"("caseId", "part");
CREATE INDEX "Uc452Email_caseId_part_idx" ON "Uc452Email"("caseId", "part");
CREATE UNIQUE INDEX "Ucpr1Form_caseId_key" ON "Ucpr1Form"("caseId");
CREATE UNIQUE INDEX "Sessro1Form_caseId_key" ON "Sessro1Form"("caseId");
CREATE UNIQUE INDEX "Sl2Form_caseId_key" ON "Sl2Form"("caseId");
CREATE UNIQUE INDEX "MappaAnnex_caseId_key" ON "MappaAnnex"("caseId");
CREATE INDEX "MappaLetter_caseId_idx" ON "MappaLetter"("caseId");
CREATE INDEX "SecurePostLog_caseId_idx" ON "SecurePostLog"("caseId");
CREATE INDEX "ContactAttempt_caseId_attemptedAt_idx" ON "ContactAttempt"("caseId", "attemptedAt");
CREATE INDEX "CaseNote_caseId_createdAt_idx" ON "CaseNote"("caseId", "createdAt");
CREATE INDEX "CaseAssignment_caseId_assignedAt_idx" ON "CaseAssignment"("caseId", "assignedAt");
CREATE UNIQUE INDEX "BankHoliday_nation_date_key" ON "BankHoliday"("nation", "date");
CREATE INDEX "RateLimit_windowEndsAt_idx" ON "RateLimit"("windowEndsAt");
CREATE INDEX "AuditEvent_caseId_at_idx" ON "AuditEvent"("caseId", "at");
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "EmploymentHistory" ADD CONSTRAINT "EmploymentHistory_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "Claimant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Qualification" ADD CONSTRAINT "Qualification_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "Claimant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Case" ADD CONSTRAINT "Case_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Case" ADD CONSTRAINT "Case_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Case" ADD CONSTRAINT "Case_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "Claimant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Case" ADD CONSTRAINT "Case_assignedCaseworkerId_fkey" FOREIGN KEY ("assignedCaseworkerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Case" ADD CONSTRAINT "Case_closureReasonId_fkey" FOREIGN KEY ("closureReasonId") REFERENCES "Reason"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PrapReferral" ADD CONSTRAINT "PrapReferral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InitialAssessment" ADD CONSTRAINT "InitialAssessment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Uc452Form" ADD CONSTRAINT "Uc452Form_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Uc452Email" ADD CONSTRAINT "Uc452Email_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Ucpr1Form" ADD CONSTRAINT "Ucpr1Form_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Sessro1Form" ADD CONSTRAINT "Sessro1Form_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Sl2Form" ADD CONSTRAINT "Sl2Form_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MappaAnnex" ADD CONSTRAINT "MappaAnnex_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MappaLetter" ADD CONSTRAINT "MappaLetter_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SecurePostLog" ADD CONSTRAINT "SecurePostLog_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CaseAssignment" ADD CONSTRAINT "CaseAssignment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CaseAssignment" ADD CONSTRAINT "CaseAssignment_caseworkerId_fkey" FOREIGN KEY ("caseworkerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CaseAssignment" ADD CONSTRAINT "CaseAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Audit is append-only (security.md LG-04): refuse UPDATE and DELETE for every role, including
-- the owner. Retention purges (LG-07) will run in a migration-owned function that disables this
-- trigger explicitly and audits the run.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
