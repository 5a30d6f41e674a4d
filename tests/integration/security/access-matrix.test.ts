import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ROLES, type Permission, type Role } from "@/lib/domain/permissions";
import { unlockSignInSchema } from "@/lib/domain/forms/admin-forms";
import {
  changeOwnPasswordSchema,
  decideRoleChangeSchema,
  enrolMfaSchema,
  finishMfaEnrolmentSchema,
  resetUserMfaSchema,
  setPasswordSchema,
  signOutUserEverywhereSchema,
  staySignedInSchema,
  verifyMfaSchema,
} from "@/lib/domain/forms/identity-forms";
import { decideRoleChange } from "@/lib/server/identity/role-change-requests";
import { resetUserMfa } from "@/lib/server/identity/reset-user-mfa";
import { signOutUserEverywhere } from "@/lib/server/identity/sign-out-user-everywhere";
import { Prisma } from "@/lib/db/prisma";
import { addCaseNoteSchema, assignCaseSchema, recordContactAttemptSchema } from "@/lib/domain/forms/case-work-forms";
import { lifecycleFormSchema, type LifecycleFormAction } from "@/lib/domain/forms/lifecycle-forms";
import {
  changeRestrictionSchema,
  recordMappaContactSchema,
  recordMappaJReceivedSchema,
  recordMappaLetterSchema,
  recordMappaRestrictionsSchema,
} from "@/lib/domain/forms/mappa-forms";
import {
  amendUc452Part6Schema,
  recordSpocChasedSchema,
  recordUc452EmailSentSchema,
  recordUcpr1DuplicateRequestedSchema,
  recordUc452ReceivedSchema,
  recordUcpr1ReceivedSchema,
} from "@/lib/domain/forms/paper-forms";
import { referralIntakeSchemaOn } from "@/lib/domain/forms/referral-intake";
import { expectFromReconciliationSchema, importMappingSchema, importUploadSchema } from "@/lib/domain/import/import-forms";
import { attachExpectedReferralSchema, closeExpectedReferralSchema, recordExpectedReferralSchemaOn } from "@/lib/domain/forms/expected-referral-forms";
import { attachExpectedReferral } from "@/lib/server/expected-referrals/attach-expected-referral";
import { recordStrandReferralSchema } from "@/lib/domain/forms/strand-referral-form";
import type { LifecycleInputs } from "@/lib/domain/lifecycle/steps/index";
import { listCaseAccessLog } from "@/lib/server/cases/list-case-access-log";
import { changeRestriction } from "@/lib/server/cases/change-restriction";
import { addCaseNote } from "@/lib/server/cases/add-case-note";
import { assignCase } from "@/lib/server/cases/assign-case";
import { bulkReassignCases } from "@/lib/server/cases/bulk-reassign-cases";
import { bulkReassignSchema } from "@/lib/domain/forms/bulk-reassign-form";
import { recordContactAttempt } from "@/lib/server/cases/record-contact-attempt";
import { changeCircumstancesSchema, claimantFieldsOf } from "@/lib/domain/forms/circumstances";
import { transferCaseSchema } from "@/lib/domain/forms/case-transfer-form";
import { changeCircumstances } from "@/lib/server/cases/change-circumstances";
import { transferCase } from "@/lib/server/cases/transfer-case";
import { getCaseView } from "@/lib/server/cases/case-view";
import { applyLifecycleAction } from "@/lib/server/cases/lifecycle/apply-lifecycle-action";
import { getLifecycleCase } from "@/lib/server/cases/lifecycle/lifecycle-page";
import { listWorkQueue, WORK_QUEUE_VIEWS } from "@/lib/server/cases/list-work-queue";
import { buildUc452EmailFor } from "@/lib/server/paper-forms/build-uc452-email";
import { getFormsOverview } from "@/lib/server/paper-forms/get-forms-overview";
import { getUc452EmailPage } from "@/lib/server/paper-forms/get-uc452-email-page";
import { getUc452PrintView } from "@/lib/server/paper-forms/get-uc452-print-view";
import { recordSpocChased } from "@/lib/server/paper-forms/record-spoc-chased";
import { recordUcpr1DuplicateRequested } from "@/lib/server/paper-forms/record-ucpr1-duplicate-requested";
import { recordUc452EmailSent } from "@/lib/server/paper-forms/record-uc452-email-sent";
import { recordUc452Received } from "@/lib/server/paper-forms/record-uc452-received";
import { recordUcpr1Received } from "@/lib/server/paper-forms/record-ucpr1-received";
import { recordExitTrackerSentSchema } from "@/lib/domain/forms/exit-notice-forms";
import { amendUc452Part6 } from "@/lib/server/paper-forms/amend-uc452-part6";
import { recordExitTrackerSent } from "@/lib/server/exit-notices/record-exit-tracker-sent";
import { getMappaAnnex } from "@/lib/server/mappa/get-mappa-annex";
import { recordMappaContact } from "@/lib/server/mappa/record-mappa-contact";
import { recordMappaJReceived } from "@/lib/server/mappa/record-mappa-j-received";
import { recordMappaLetter } from "@/lib/server/mappa/record-mappa-letter";
import { recordMappaRestrictions } from "@/lib/server/mappa/record-mappa-restrictions";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { recordStrandReferral } from "@/lib/server/referrals/record-strand-referral";
import type { PrismaClient } from "@/lib/db/prisma";
import { UseCaseError } from "@/lib/server/use-case-error";
import { amendCaseDateSchema, undoLastStepSchema } from "@/lib/domain/forms/amend-forms";
import {
  addReasonSchema,
  addSiteContactSchema,
  changeSettingSchema,
  providerContactsSchema,
  removeSiteContactSchema,
  renameReasonSchema,
  setReasonActiveSchema,
} from "@/lib/domain/forms/settings-forms";
import { amendCaseDate } from "@/lib/server/corrections/amend-case-date";
import { undoLastStep } from "@/lib/server/corrections/undo-last-step";
import { isServerActionModule, readSource, serverActionExports, sourceFiles } from "@/tests/support/source-scan";
import { actorFor, createCase, createMappaAnnex, createProvider, type CaseSpec, type Provider, type StaffKey } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { createScrCaseSchema, overrideSl2MarkingSchema, recordSl2Page1ReturnedSchema, recordSl2ReferralFormReturnedSchema, resolveScrDuplicateSchema } from "@/lib/domain/forms/scr-forms";
import { markStaffNoticeReadSchema } from "@/lib/domain/forms/notice-forms";
import { markNotificationReadSchema } from "@/lib/domain/forms/notification-forms";
import { jobActionSchema } from "@/lib/domain/forms/job-forms";
import { exportCaseAccessLog } from "@/lib/server/cases/export-case-access-log";
import { getScrDuplicate } from "@/lib/server/scr/get-scr-duplicate";
import { resolveScrDuplicate } from "@/lib/server/scr/resolve-scr-duplicate";
import { listSecurityEvents } from "@/lib/server/security/list-security-events";
import { exportSecurityReport } from "@/lib/server/security/export-security-report";
import { getRecordedCase } from "@/lib/server/referrals/get-recorded-case";
import {
  firstMeetingSchemaOn,
  jcpReceiptSchemaOn,
  jcpReferralSchemaOn,
  sessro1SentSchemaOn,
  sroIntroductionSchemaOn,
  type FirstMeetingInput,
  type JcpReferralInput,
  type Sessro1SentInput,
} from "@/lib/domain/forms/sro-introduction-forms";
import { getRestrictedQueue } from "@/lib/server/scr/get-restricted-queue";
import { getSl2View } from "@/lib/server/scr/get-sl2-view";
import { runRetentionSchema } from "@/lib/domain/forms/retention-form";
import { applyRetention, previewRetention } from "@/lib/server/retention/apply-retention";
import { exportSubjectAccess } from "@/lib/server/subject-access/export-subject-access";
import { overrideSl2Marking } from "@/lib/server/scr/override-sl2-marking";
import { recordSl2Page1Returned } from "@/lib/server/scr/record-sl2-page1-returned";
import { recordSl2ReferralFormReturned } from "@/lib/server/scr/record-sl2-referral-form-returned";
import { recordFirstMeeting } from "@/lib/server/sro/record-first-meeting";
import { recordJcpReceipt } from "@/lib/server/sro/record-jcp-receipt";
import { recordJcpReferral } from "@/lib/server/sro/record-jcp-referral";
import { recordSessro1Sent } from "@/lib/server/sro/record-sessro1-sent";
import { getSessro1View } from "@/lib/server/sro/get-sessro1-view";
import { loadDashboard } from "@/lib/server/dashboard/load-dashboard";
import { DASHBOARD_LISTS, DEFAULT_DASHBOARD_FILTERS } from "@/lib/domain/dashboard/filters";
import { exportDashboardList } from "@/lib/server/dashboard/export-dashboard-list";
import { DASHBOARD_FIGURES } from "@/lib/domain/dashboard/drill-down";
import { listFigureCases } from "@/lib/server/dashboard/list-figure-cases";
import { exportFigureCases } from "@/lib/server/dashboard/export-figure-cases";
import { listMyCasesDueThisWeek } from "@/lib/server/dashboard/list-my-cases-due";

/**
 * The table-driven access test (docs/security.md AC-01–AC-05, CS-04, AC-03 "denies by
 * default, a new action with no matrix entry fails").
 *
 * Every export of every "use server" file under app/ is discovered by scanning the source (like
 * tests/unit/security/no-unsafe-raw-sql.test.ts), and must have an entry in ACTION_MATRIX below —
 * a new action without one fails this file. Each entry that touches a case names the use-case the
 * action delegates to and runs it, for every role, against:
 *  - an SCR case built for the test (13.77, 3.43) and, for the MAPPA annex actions, a MAPPA case (13.69);
 *  - a random UUID that never existed.
 * A role that is not a nominated officer must get exactly the same answer for the restricted id as
 * for the random one ("not found" or "not permitted", never a hint), and the database must be
 * unchanged (row counts of every table, every version column, audit rows other than security
 * events). The posted schema must refuse extra keys such as `restrictionTier`/`restricted`.
 *
 * Why the use-case and not the exported action itself: an action reads its session through
 * next-auth and next/headers, which exist only inside a Next.js request. Each action is a thin
 * authorisedAction(permission, schema, handler) whose handler calls one use-case; the use-case
 * re-checks the permission (assertCan) and applies the visibility rule inside its transaction, so
 * calling it with the role's actor exercises the real checks. The link is checked statically: the
 * action's file must call the entry's use-case and declare the entry's permission.
 * The chain in front of every action (no session, wrong role, extra keys) is tested on its own
 * in tests/integration/actions/authorised-action.test.ts.
 *
 * To add an action: add an entry with `caseAction({...})` (or `notCaseAction(reason)`).
 */

const TODAY = "2026-11-24";
const clock = { today: TODAY, now: new Date("2026-11-24T12:00:00Z") };

type Restricted = "scr" | "mappaAnnex";

interface Context {
  prisma: PrismaClient;
  /** the case's current version, so a post is not refused as stale before the checks that matter */
  versionOf(caseId: string): Promise<number>;
  annexVersionOf(caseId: string): Promise<number>;
  /** a caseworker of the actors' organisation, to assign a case to */
  caseworkerId: string;
}

interface CaseActionEntry {
  kind: "case";
  /** the permission the action declares in authorisedAction(…) */
  permission: Permission;
  /** the use-case function the action's handler calls */
  useCase: string;
  /** the strict schema the action parses its post with */
  schema: z.ZodType;
  /** which restricted records a non-nominated officer must not reach through it */
  restricted: readonly Restricted[];
  run(context: Context, actor: UseCaseActor, caseId: string): Promise<unknown>;
}

interface NotCaseEntry {
  kind: "not-case";
  reason: string;
  /** its schema, if it has one: still checked for strictness */
  schema?: z.ZodType;
}

type MatrixEntry = CaseActionEntry | NotCaseEntry;

const caseAction = (entry: Omit<CaseActionEntry, "kind" | "restricted"> & { restricted?: readonly Restricted[] }): CaseActionEntry => ({
  kind: "case",
  restricted: ["scr"],
  ...entry,
});
const notCaseAction = (reason: string, schema?: z.ZodType): NotCaseEntry => ({ kind: "not-case", reason, schema });

/** The use-cases are called with plausible input; the checks under test run before input rules. */
const lifecycle = (action: LifecycleFormAction) =>
  caseAction({
    permission: "update:case:any",
    useCase: "applyLifecycleAction",
    schema: lifecycleFormSchema(action),
    run: async (context, actor, caseId) =>
      applyLifecycleAction(
        context.prisma,
        actor,
        { caseId, version: await context.versionOf(caseId), action, input: {} as LifecycleInputs[typeof action] },
        clock,
      ),
  });

const CASES_DIR = "app/(signed-in)/cases";
const CASE_DIR = `${CASES_DIR}/[caseId]`;

export const ACTION_MATRIX: Record<string, MatrixEntry> = {
  // ── not about an existing case ──
  "app/sign-in/sign-in-action.ts#signInAction": notCaseAction("signs in; no session or case yet (AU-02, AU-08)"),
  "app/(signed-in)/admin/users/actions.ts#createUserAction": notCaseAction("administrators' user management (LG-06); no case"),
  "app/(signed-in)/admin/users/actions.ts#updateUserAction": notCaseAction("administrators' user management (LG-06); no case"),
  "app/(signed-in)/admin/users/actions.ts#resetPasswordAction": notCaseAction("administrators' user management (AU-06); no case"),
  "app/(signed-in)/admin/users/actions.ts#setUserStatusAction": notCaseAction("administrators' user management (AU-07, LG-06); no case"),
  "app/(signed-in)/admin/users/actions.ts#unlockSignInAction": notCaseAction("administrators lift a sign-in lock (AU-02); no case", unlockSignInSchema),
  "app/(signed-in)/admin/users/actions.ts#resetUserMfaAction": notCaseAction("administrators reset a user's two-factor authentication (AU-04); no case", resetUserMfaSchema),
  "app/(signed-in)/admin/users/actions.ts#decideRoleChangeAction": notCaseAction("a second administrator decides a nominated officer role change (AC-06); no case", decideRoleChangeSchema),
  "app/(signed-in)/admin/users/actions.ts#signOutUserEverywhereAction": notCaseAction("sign a user out everywhere (SE-05); no case", signOutUserEverywhereSchema),
  "app/(signed-in)/security/actions.ts#signOutUserFromSecurityAction": notCaseAction("sign a user out everywhere (SE-05); no case", signOutUserEverywhereSchema),
  "app/(signed-in)/account/actions.ts#changeOwnPasswordAction": notCaseAction("the signed-in user's own password (AU-06); no case", changeOwnPasswordSchema),
  "app/(signed-in)/account/actions.ts#staySignedInAction": notCaseAction("keeps the session alive from the timeout warning (SE-03); no case", staySignedInSchema),
  "app/sign-in/two-factor/actions.ts#verifyMfaAction": notCaseAction("the second step of signing in (AU-04); no case yet", verifyMfaSchema),
  "app/sign-in/two-factor/actions.ts#enrolMfaAction": notCaseAction("setting up two-factor authentication (AU-04); no case", enrolMfaSchema),
  "app/sign-in/two-factor/actions.ts#finishMfaEnrolmentAction": notCaseAction("after set-up, the session passes the second factor on the set-up's proof (AU-04); no case", finishMfaEnrolmentSchema),
  "app/set-password/[token]/actions.ts#setPasswordAction": notCaseAction("a set-up or reset link sets the user's password (AU-06); no session or case", setPasswordSchema),
  "app/(signed-in)/admin/sites/actions.ts#createSiteAction": notCaseAction("administrators' site management; no case"),
  "app/(signed-in)/admin/sites/actions.ts#updateSiteAction": notCaseAction("administrators' site management; no case"),
  "app/(signed-in)/admin/bank-holidays/actions.ts#createBankHolidayAction": notCaseAction("the working-day calendar; no case"),
  "app/(signed-in)/admin/bank-holidays/actions.ts#confirmBankHolidayAction": notCaseAction("the working-day calendar; no case"),
  "app/(signed-in)/admin/bank-holidays/actions.ts#updateBankHolidayAction": notCaseAction("the working-day calendar; no case"),
  "app/(signed-in)/admin/bank-holidays/actions.ts#removeBankHolidayAction": notCaseAction("the working-day calendar; no case"),
  "app/(signed-in)/admin/settings/actions.ts#changeSettingAction": notCaseAction("administrators' settings; no case", changeSettingSchema),
  "app/(signed-in)/admin/settings/actions.ts#updateProviderContactsAction": notCaseAction("the organisation's contact details; no case", providerContactsSchema),
  "app/(signed-in)/admin/settings/actions.ts#addSiteContactAction": notCaseAction("a site's standing contacts; no case", addSiteContactSchema),
  "app/(signed-in)/admin/settings/actions.ts#removeSiteContactAction": notCaseAction("a site's standing contacts; no case", removeSiteContactSchema),
  "app/(signed-in)/admin/settings/actions.ts#addReasonAction": notCaseAction("the reason lists; no case", addReasonSchema),
  "app/(signed-in)/admin/settings/actions.ts#renameReasonAction": notCaseAction("the reason lists; no case", renameReasonSchema),
  "app/(signed-in)/admin/settings/actions.ts#setReasonActiveAction": notCaseAction("the reason lists; no case", setReasonActiveSchema),
  "app/(signed-in)/admin/retention/actions.ts#runRetentionAction": notCaseAction(
    "administrators' retention run (DP-02); names no case, and every role is probed under 'retention and subject access' below",
    runRetentionSchema,
  ),
  [`${CASES_DIR}/search-actions.ts#searchCasesAction`]: notCaseAction(
    "only stores the search term in a cookie; the search itself is listWorkQueue, covered under 'lists and search' below",
  ),
  "app/(signed-in)/referrals/actions.ts#recordPrapReferralAction": notCaseAction(
    "creates a new case; the restriction tier comes only from the MAPPA tick, never from an extra key",
    referralIntakeSchemaOn(TODAY),
  ),

  // ── case work ──
  // Amend with reason: an administrator who can see cases (docs/decisions/0012-corrections-by-an-administrator.md); no staff role here holds both.
  [`${CASE_DIR}/amend/actions.ts#amendCaseDateAction`]: caseAction({
    permission: "read:case:any",
    useCase: "amendCaseDate",
    schema: amendCaseDateSchema,
    run: async (context, actor, caseId) =>
      amendCaseDate(context.prisma, actor, { caseId, version: await context.versionOf(caseId), field: "referralDate", date: "2026-11-20", reason: "Access matrix probe" }, TODAY),
  }),
  [`${CASE_DIR}/amend/actions.ts#undoLastStepAction`]: caseAction({
    permission: "read:case:any",
    useCase: "undoLastStep",
    schema: undoLastStepSchema,
    run: async (context, actor, caseId) => undoLastStep(context.prisma, actor, { caseId, version: await context.versionOf(caseId), stepEventId: "1", reason: "Access matrix probe" }),
  }),
  [`${CASE_DIR}/actions.ts#addCaseNoteAction`]: caseAction({
    permission: "update:case:any",
    useCase: "addCaseNote",
    schema: addCaseNoteSchema,
    run: (context, actor, caseId) => addCaseNote(context.prisma, actor, { caseId, text: "Access matrix probe" }),
  }),
  [`${CASE_DIR}/actions.ts#assignCaseAction`]: caseAction({
    permission: "update:case:any",
    useCase: "assignCase",
    schema: assignCaseSchema,
    run: async (context, actor, caseId) =>
      assignCase(context.prisma, actor, { caseId, version: await context.versionOf(caseId), caseworkerId: context.caseworkerId }),
  }),
  [`${CASES_DIR}/reassign/actions.ts#bulkReassignAction`]: caseAction({
    permission: "assign:case:any",
    useCase: "bulkReassignCases",
    schema: bulkReassignSchema,
    run: async (context, actor, caseId) =>
      bulkReassignCases(context.prisma, actor, { case: [{ caseId, version: await context.versionOf(caseId) }], caseworkerId: context.caseworkerId }),
  }),
  [`${CASE_DIR}/actions.ts#recordContactAttemptAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordContactAttempt",
    schema: recordContactAttemptSchema,
    run: (context, actor, caseId) => recordContactAttempt(context.prisma, actor, { caseId, attemptedOn: clock.today, channel: "telephone", outcome: "no_answer", note: null }, clock.now),
  }),
  [`${CASE_DIR}/details/actions.ts#changeCircumstancesAction`]: caseAction({
    permission: "update:case:any",
    useCase: "changeCircumstances",
    schema: changeCircumstancesSchema,
    run: async (context, actor, caseId) =>
      changeCircumstances(context.prisma, actor, {
        caseId,
        version: await context.versionOf(caseId),
        fields: { ...claimantFieldsOf({ forename: "Access", surname: "Probe" }), telephone: "07700 900 000" },
      }),
  }),
  [`${CASE_DIR}/transfer/actions.ts#transferCaseAction`]: caseAction({
    permission: "read:case:any",
    useCase: "transferCase",
    schema: transferCaseSchema,
    run: async (context, actor, caseId) => transferCase(context.prisma, actor, { caseId, version: await context.versionOf(caseId), siteId: randomUUID(), reason: "Access matrix probe" }),
  }),
  [`${CASE_DIR}/strand-referral/actions.ts#recordStrandReferralAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordStrandReferral",
    schema: recordStrandReferralSchema,
    run: async (context, actor, caseId) =>
      recordStrandReferral(
        context.prisma,
        actor,
        { caseId, version: await context.versionOf(caseId), purchaseOrderNumber: "299999999", referralId: "MATRIX-1", provisionId: "P1", referralDate: TODAY },
        clock,
      ),
  }),

  // ── paper forms ──
  [`${CASE_DIR}/forms/actions.ts#recordUc452ReceivedAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordUc452Received",
    schema: recordUc452ReceivedSchema,
    run: async (context, actor, caseId) => recordUc452Received(context.prisma, actor, { caseId, version: await context.versionOf(caseId), receivedOn: TODAY }, TODAY),
  }),
  [`${CASE_DIR}/forms/actions.ts#recordUcpr1ReceivedAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordUcpr1Received",
    schema: recordUcpr1ReceivedSchema,
    run: async (context, actor, caseId) =>
      recordUcpr1Received(
        context.prisma,
        actor,
        {
          caseId,
          version: await context.versionOf(caseId),
          receivedOn: TODAY,
          jobAims: null,
          jobPreferences: null,
          preferredHours: null,
          availabilityRestrictions: null,
          specialArrangements: null,
          complexNeeds: null,
        },
        TODAY,
      ),
  }),
  [`${CASE_DIR}/forms/actions.ts#recordSpocChasedAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordSpocChased",
    schema: recordSpocChasedSchema,
    run: async (context, actor, caseId) => recordSpocChased(context.prisma, actor, { caseId, version: await context.versionOf(caseId), chasedOn: TODAY }, TODAY),
  }),
  [`${CASE_DIR}/forms/actions.ts#recordUcpr1DuplicateRequestedAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordUcpr1DuplicateRequested",
    schema: recordUcpr1DuplicateRequestedSchema,
    run: async (context, actor, caseId) =>
      recordUcpr1DuplicateRequested(context.prisma, actor, { caseId, version: await context.versionOf(caseId), requestedOn: TODAY }, TODAY),
  }),
  [`${CASE_DIR}/forms/actions.ts#recordUc452EmailSentAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordUc452EmailSent",
    schema: recordUc452EmailSentSchema,
    run: (context, actor, caseId) =>
      recordUc452EmailSent(context.prisma, actor, { caseId, part: "part_6", inbox: "uc_service_centre", formVersion: 1, sentOn: TODAY }, TODAY),
  }),

  [`${CASE_DIR}/forms/actions.ts#amendUc452Part6Action`]: caseAction({
    permission: "update:case:any",
    useCase: "amendUc452Part6",
    schema: amendUc452Part6Schema,
    run: (context, actor, caseId) =>
      amendUc452Part6(context.prisma, actor, { caseId, formVersion: 1, anticipatedStartOn: TODAY, anticipatedEndOn: TODAY, reason: "Start moved" }),
  }),
  [`${CASE_DIR}/forms/exit-tracker/actions.ts#recordExitTrackerSentAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordExitTrackerSent",
    schema: recordExitTrackerSentSchema,
    run: (context, actor, caseId) => recordExitTrackerSent(context.prisma, actor, { caseId, formVersion: 1, sentOn: TODAY, workCoachEmail: null }, TODAY),
  }),

  // ── lifecycle (one action per step) ──
  [`${CASE_DIR}/act/actions.ts#acknowledgeAction`]: lifecycle("acknowledge"),
  [`${CASE_DIR}/act/actions.ts#bookInitialAssessmentAction`]: lifecycle("book_initial_assessment"),
  [`${CASE_DIR}/act/actions.ts#recordAssessmentRecommendedAction`]: lifecycle("record_assessment_recommended"),
  [`${CASE_DIR}/act/actions.ts#recordAssessmentNotSuitableAction`]: lifecycle("record_assessment_not_suitable"),
  [`${CASE_DIR}/act/actions.ts#acceptStrandReferralAction`]: lifecycle("accept_strand_referral"),
  [`${CASE_DIR}/act/actions.ts#acceptReferralAction`]: lifecycle("accept_referral"),
  [`${CASE_DIR}/act/actions.ts#recordStartAction`]: lifecycle("record_start"),
  [`${CASE_DIR}/act/actions.ts#recordCompletionAction`]: lifecycle("record_completion"),
  [`${CASE_DIR}/act/actions.ts#recordEarlyLeavingAction`]: lifecycle("record_early_leaving"),
  [`${CASE_DIR}/act/actions.ts#rejectAction`]: lifecycle("reject"),
  [`${CASE_DIR}/act/actions.ts#recordWelcomeCallAction`]: lifecycle("record_welcome_call"),
  [`${CASE_DIR}/act/actions.ts#recordWorkCoachDisagreementAction`]: lifecycle("record_work_coach_disagreement"),
  [`${CASE_DIR}/act/actions.ts#cancelDidNotStartAction`]: lifecycle("cancel_did_not_start"),
  [`${CASE_DIR}/act/actions.ts#recordBackOutEmailAction`]: lifecycle("record_back_out_email"),
  [`${CASE_DIR}/act/actions.ts#cancelAfterBackOutAction`]: lifecycle("cancel_after_back_out"),
  // Nominated officers only (the step's own permission, checked by the use-case): FORBIDDEN to
  // everyone else for an SCR id and a random id alike.
  [`${CASE_DIR}/act/actions.ts#closeScrNotEngagedAction`]: lifecycle("close_scr_not_engaged"),

  // ── restrictions (AC-06) and the MAPPA annex (13.59, 13.68–13.72) ──
  [`${CASE_DIR}/restriction/actions.ts#changeRestrictionAction`]: caseAction({
    permission: "update:restricted-case:any",
    useCase: "changeRestriction",
    schema: changeRestrictionSchema,
    restricted: ["scr", "mappaAnnex"],
    run: async (context, actor, caseId) =>
      changeRestriction(context.prisma, actor, { caseId, version: await context.versionOf(caseId), tier: "none", reason: "Access matrix probe" }, clock.now),
  }),
  [`${CASE_DIR}/mappa/actions.ts#recordMappaRestrictionsAction`]: caseAction({
    permission: "update:restricted-case:any",
    useCase: "recordMappaRestrictions",
    schema: recordMappaRestrictionsSchema,
    restricted: ["scr", "mappaAnnex"],
    run: async (context, actor, caseId) =>
      recordMappaRestrictions(
        context.prisma,
        actor,
        { caseId, annexVersion: await context.annexVersionOf(caseId), restrictions: "Probe", restrictionsPhonedOn: TODAY, restrictionsPhonedBy: null },
        TODAY,
      ),
  }),
  [`${CASE_DIR}/mappa/actions.ts#recordMappaJReceivedAction`]: caseAction({
    permission: "update:restricted-case:any",
    useCase: "recordMappaJReceived",
    schema: recordMappaJReceivedSchema,
    restricted: ["scr", "mappaAnnex"],
    run: async (context, actor, caseId) =>
      recordMappaJReceived(
        context.prisma,
        actor,
        { caseId, annexVersion: await context.annexVersionOf(caseId), receivedOn: TODAY, trackingNumber: "PROBE", counterparty: "Probe" },
        TODAY,
      ),
  }),
  [`${CASE_DIR}/mappa/actions.ts#recordMappaContactAction`]: caseAction({
    permission: "update:restricted-case:any",
    useCase: "recordMappaContact",
    schema: recordMappaContactSchema,
    restricted: ["scr", "mappaAnnex"],
    run: async (context, actor, caseId) =>
      recordMappaContact(
        context.prisma,
        actor,
        {
          caseId,
          annexVersion: await context.annexVersionOf(caseId),
          contactTelephone: "01632 960001",
          contactAlternativeTelephone: null,
          contactEmail: null,
          contactAddress: null,
          contactGivenOn: TODAY,
        },
        TODAY,
      ),
  }),
  [`${CASE_DIR}/mappa/actions.ts#recordMappaLetterAction`]: caseAction({
    permission: "update:restricted-case:any",
    useCase: "recordMappaLetter",
    schema: recordMappaLetterSchema,
    restricted: ["scr", "mappaAnnex"],
    run: async (context, actor, caseId) =>
      recordMappaLetter(context.prisma, actor, { caseId, annexVersion: await context.annexVersionOf(caseId), sentOn: TODAY, description: "Probe" }, TODAY),
  }),

  // ── Bulk import (docs/decisions/0023-bulk-import-and-expected-referrals.md): import:referral:any, checked in each use-case ──
  "app/(signed-in)/referrals/import/actions.ts#uploadImportAction": notCaseAction(
    "uploads a spreadsheet for a site the actor may import for; creates no case until committed, then each through the intake's own checks",
    importUploadSchema,
  ),
  "app/(signed-in)/referrals/import/actions.ts#confirmImportMappingAction": notCaseAction(
    "confirms an import's column mapping (the actor's organisation's import only); a dry run, creates no case",
    importMappingSchema,
  ),
  "app/(signed-in)/referrals/import/actions.ts#commitImportAction": notCaseAction(
    "starts an import's commit; cases are created through openPrapReferralCase, restricted exactly as a hand-keyed SCR match",
  ),
  "app/(signed-in)/referrals/import/actions.ts#expectFromReconciliationRowAction": notCaseAction(
    "records a row of the actor's organisation's reconciliation (as the actor sees it) as an expected referral at the import's open site; touches no case",
    expectFromReconciliationSchema,
  ),
  // ── Expected referrals from Warm Handover calls (3.05) ──
  "app/(signed-in)/referrals/expected/actions.ts#recordExpectedReferralAction": notCaseAction(
    "records a Warm Handover call at one of the actor's organisation's open sites; touches no case",
    recordExpectedReferralSchemaOn(TODAY),
  ),
  "app/(signed-in)/referrals/expected/actions.ts#closeExpectedReferralAction": notCaseAction(
    "closes an expected referral of the actor's organisation (update:case:any); touches no case",
    closeExpectedReferralSchema,
  ),
  "app/(signed-in)/referrals/expected/actions.ts#attachExpectedReferralAction": caseAction({
    permission: "update:case:any",
    useCase: "attachExpectedReferral",
    schema: attachExpectedReferralSchema,
    run: (context, actor, caseId) => attachExpectedReferral(context.prisma, actor, { expectedReferralId: randomUUID(), caseId }),
  }),
  // ── SRO introductions (13.40–13.51, 3.19–3.29) ──
  "app/(signed-in)/referrals/new/sro/actions.ts#recordSroIntroductionAction": notCaseAction(
    "creates a new case from the SRO's phone call; its tier is always 'none', never taken from the post",
    sroIntroductionSchemaOn(TODAY),
  ),
  [`${CASE_DIR}/sro/actions.ts#recordFirstMeetingAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordFirstMeeting",
    schema: firstMeetingSchemaOn(TODAY),
    run: async (context, actor, caseId) =>
      recordFirstMeeting(
        context.prisma,
        actor,
        { caseId, version: await context.versionOf(caseId), metOn: TODAY, eligible: true, suitable: true, previousSes: false, outcome: "accepted" } as unknown as FirstMeetingInput,
        clock,
      ),
  }),
  [`${CASE_DIR}/sro/actions.ts#recordSessro1SentAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordSessro1Sent",
    schema: sessro1SentSchemaOn(TODAY),
    run: async (context, actor, caseId) =>
      recordSessro1Sent(context.prisma, actor, {
        caseId,
        version: await context.versionOf(caseId),
        signedOn: TODAY,
        copyOfferedOn: TODAY,
        originalRetained: true,
        postedOn: TODAY,
        trackingNumber: "PROBE",
        counterparty: "Probe",
        spocNotifiedOn: TODAY,
      } as unknown as Sessro1SentInput),
  }),
  [`${CASE_DIR}/sro/actions.ts#recordJcpReferralAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordJcpReferral",
    schema: jcpReferralSchemaOn(TODAY),
    run: async (context, actor, caseId) =>
      recordJcpReferral(
        context.prisma,
        actor,
        {
          caseId,
          version: await context.versionOf(caseId),
          purchaseOrderNumber: "299999998",
          referralId: "MATRIX-2",
          provisionId: "P1",
          referralDate: TODAY,
          referralReceivedOn: TODAY,
        } as unknown as JcpReferralInput,
        clock,
      ),
  }),

  [`${CASE_DIR}/sro/actions.ts#recordJcpReceiptAction`]: caseAction({
    permission: "update:case:any",
    useCase: "recordJcpReceipt",
    schema: jcpReceiptSchemaOn(TODAY),
    run: async (context, actor, caseId) => recordJcpReceipt(context.prisma, actor, { caseId, version: await context.versionOf(caseId), receivedOn: TODAY }),
  }),

  "app/(signed-in)/dashboard/actions.ts#markStaffNoticeReadAction": notCaseAction(
    "marks a manager's staff notice read by the notice's id; a notice names no case, and one outside the manager's organisation or site is not found (tests/integration/scr/scr-lifecycle.test.ts)",
    markStaffNoticeReadSchema,
  ),
  "app/(signed-in)/notifications/actions.ts#markNotificationReadAction": notCaseAction(
    "marks one of the person's own reminder digests read by its id; a digest names no case by id, and anyone else's is not found (tests/integration/jobs/notifications.test.ts)",
    markNotificationReadSchema,
  ),
  "app/(signed-in)/admin/jobs/actions.ts#changeJobAction": notCaseAction(
    "retries or cancels a background job by its queue id; jobs name no case, and the page and action are administrators' (tests/integration/jobs/jobs-admin.test.ts)",
    jobActionSchema,
  ),
  // ── SCR clerical referrals via SL2 (13.52–13.57, 3.30–3.31) ──
  "app/(signed-in)/restricted/actions.ts#resolveScrDuplicateAction": notCaseAction(
    "settles a possible SCR duplicate by its alert id, not a case id; every role but the nominated officer is refused below ('possible SCR duplicates and the security report')",
    resolveScrDuplicateSchema,
  ),
  "app/(signed-in)/restricted/actions.ts#createScrCaseAction": notCaseAction(
    "creates a new SCR case; nominated officers only (FORBIDDEN for anyone else, covered in tests/integration/scr)",
    createScrCaseSchema,
  ),
  [`${CASE_DIR}/forms/sl2/actions.ts#overrideSl2MarkingAction`]: caseAction({
    permission: "update:restricted-case:any",
    useCase: "overrideSl2Marking",
    schema: overrideSl2MarkingSchema,
    run: async (context, actor, caseId) =>
      overrideSl2Marking(context.prisma, actor, { caseId, version: await context.versionOf(caseId), marking: "scr_customer", reason: "Access matrix probe" }),
  }),
  [`${CASE_DIR}/forms/sl2/actions.ts#recordSl2Page1ReturnedAction`]: caseAction({
    permission: "update:restricted-case:any",
    useCase: "recordSl2Page1Returned",
    schema: recordSl2Page1ReturnedSchema,
    run: async (context, actor, caseId) =>
      recordSl2Page1Returned(
        context.prisma,
        actor,
        { caseId, version: await context.versionOf(caseId), completedOn: TODAY, returnedOn: TODAY, method: "secure_email", trackingNumber: null, pages2And3Retained: "yes" },
        TODAY,
      ),
  }),
  [`${CASE_DIR}/forms/sl2/actions.ts#recordSl2ReferralFormReturnedAction`]: caseAction({
    permission: "update:restricted-case:any",
    useCase: "recordSl2ReferralFormReturned",
    schema: recordSl2ReferralFormReturnedSchema,
    run: async (context, actor, caseId) =>
      recordSl2ReferralFormReturned(
        context.prisma,
        actor,
        { caseId, version: await context.versionOf(caseId), returnedOn: TODAY, method: "secure_email", trackingNumber: null },
        TODAY,
      ),
  }),
};

/**
 * Loaders behind case pages, print views and downloads (AC-01, AC-02): a restricted id must be
 * answered exactly like a random one for every role but the nominated officer.
 */
const LOADER_MATRIX: Record<string, { restricted: readonly Restricted[]; load(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<unknown> }> = {
  "case page (getCaseView)": { restricted: ["scr"], load: (prisma, actor, caseId) => getCaseView(prisma, actor, caseId, clock) },
  "lifecycle step pages (getLifecycleCase)": { restricted: ["scr"], load: (prisma, actor, caseId) => getLifecycleCase(prisma, actor, caseId) },
  "paper forms (getFormsOverview)": { restricted: ["scr"], load: (prisma, actor, caseId) => getFormsOverview(prisma, actor, caseId) },
  "UC452 print view (getUc452PrintView)": { restricted: ["scr"], load: (prisma, actor, caseId) => getUc452PrintView(prisma, actor, caseId) },
  "UC452 email page (getUc452EmailPage)": { restricted: ["scr"], load: (prisma, actor, caseId) => getUc452EmailPage(prisma, actor, caseId, "part_6") },
  "UC452 .eml download (buildUc452EmailFor)": {
    restricted: ["scr"],
    load: (prisma, actor, caseId) => buildUc452EmailFor(prisma, actor, caseId, "part_6", "uc_service_centre", clock.now),
  },
  "SESSRO1 pages and print view (getSessro1View)": { restricted: ["scr"], load: (prisma, actor, caseId) => getSessro1View(prisma, actor, caseId) },
  "SL2 pages and print view (getSl2View)": { restricted: ["scr"], load: (prisma, actor, caseId) => getSl2View(prisma, actor, caseId, "sl2.print.read") },
  "MAPPA annex (getMappaAnnex)": { restricted: ["scr", "mappaAnnex"], load: (prisma, actor, caseId) => getMappaAnnex(prisma, actor, caseId) },
  "access log (listCaseAccessLog)": { restricted: ["scr", "mappaAnnex"], load: (prisma, actor, caseId) => listCaseAccessLog(prisma, actor, caseId, 1) },
  "access log CSV export (exportCaseAccessLog)": { restricted: ["scr", "mappaAnnex"], load: (prisma, actor, caseId) => exportCaseAccessLog(prisma, actor, caseId) },
  "confirmation after an intake (getRecordedCase)": { restricted: ["scr"], load: (prisma, actor, caseId) => getRecordedCase(prisma, actor, caseId) },
};

/** Which of the provider's users plays each role; the actor carries that one role alone. */
const ROLE_USERS: Record<Role, StaffKey> = {
  caseworker: "caseworker",
  nominated_officer: "officer",
  manager: "manager",
  administrator: "administrator",
};
function actorsByRole(provider: Provider): Record<Role, UseCaseActor> {
  const actors = {} as Record<Role, UseCaseActor>;
  for (const role of ROLES) actors[role] = { ...actorFor(provider.users[ROLE_USERS[role]]), roles: [role] };
  return actors;
}

/** The restricted records the matrix probes: an SL2 (SCR) case and a MAPPA case with its annex. */
async function buildRestrictedCases(prisma: PrismaClient, provider: Provider, scrFields: CaseSpec = {}): Promise<Record<Restricted, string>> {
  const scr = await createCase(prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer, ...scrFields });
  const mappa = await createCase(prisma, provider, { route: "prap_two_stage", state: "acknowledged", restrictionTier: "mappa", assignedTo: provider.users.caseworker });
  await createMappaAnnex(prisma, mappa.id, { restrictions: "Appointments at the site only", restrictionsPhonedOn: "2026-11-20", mappaJ: { receivedOn: "2026-11-20", trackingNumber: "SD 0000 0000 0GB" } });
  return { scr: scr.id, mappaAnnex: mappa.id };
}
const NON_NO_ROLES = ROLES.filter((role) => role !== "nominated_officer");


function discoveredActions(): string[] {
  return sourceFiles(["app"])
    .filter((file) => isServerActionModule(file, readSource(file)))
    .flatMap((file) => serverActionExports(file, readSource(file)).map((finding) => `${file}#${finding.name}`))
    .sort();
}

/** What a caller learns from an outcome: the error code, message and field errors — or success. */
async function outcomeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "succeeded";
  } catch (error) {
    if (error instanceof UseCaseError) return JSON.stringify({ code: error.code, message: error.message, fieldErrors: error.fieldErrors });
    return `threw ${String(error)}`;
  }
}

/** Row counts of every table, every version column summed, and non-security audit rows. */
async function databaseFingerprint(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<{ table_name: string; has_version: boolean }[]>`
    SELECT t.table_name, EXISTS (
      SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'version'
    ) AS has_version
    FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY t.table_name`;
  const fingerprint: Record<string, string> = {};
  for (const { table_name: table, has_version: hasVersion } of tables) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table) || table === "AuditEvent" || table === "RateLimit") continue;
    const [row] = await prisma.$queryRaw<{ rows: bigint; versions: bigint | null }[]>(
      Prisma.sql`SELECT count(*) AS rows, ${hasVersion ? Prisma.raw(`sum("version")`) : Prisma.raw("NULL::bigint")} AS versions FROM ${Prisma.raw(`"${table}"`)}`,
    );
    fingerprint[table] = `${row.rows}/${row.versions ?? "-"}`;
  }
  // Refusals are logged as security events (LG-03); anything else in the audit table is a change.
  fingerprint.auditEvents = String(await prisma.auditEvent.count({ where: { NOT: { action: { startsWith: "security." } } } }));
  return fingerprint;
}

describe("the access matrix (AC-03: every server action has an entry; deny by default)", () => {
  const discovered = discoveredActions();

  it("discovers the server actions under app/", () => {
    expect(discovered.length).toBeGreaterThanOrEqual(20);
    expect(discovered).toContain(`${CASE_DIR}/mappa/actions.ts#recordMappaRestrictionsAction`);
  });

  it("has an entry for every exported server action — a new action without one fails here", () => {
    expect(discovered.filter((key) => !(key in ACTION_MATRIX))).toEqual([]);
  });

  it("lists no action that no longer exists", () => {
    expect(Object.keys(ACTION_MATRIX).filter((key) => !discovered.includes(key))).toEqual([]);
  });

  it("matches each case action to the use-case its file calls and the permission it declares", () => {
    const mismatches: string[] = [];
    for (const [key, entry] of Object.entries(ACTION_MATRIX)) {
      if (entry.kind !== "case") continue;
      const source = readSource(key.split("#")[0]);
      if (!new RegExp(`\\b${entry.useCase}\\(`).test(source)) mismatches.push(`${key} does not call ${entry.useCase}`);
      if (!source.includes(`permission: "${entry.permission}"`)) mismatches.push(`${key} does not declare ${entry.permission}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("refuses an extra restrictionTier, restricted or assigneeId key in every action's post (.strict(), AC-04)", () => {
    const lenient: string[] = [];
    for (const [key, entry] of Object.entries(ACTION_MATRIX)) {
      if (!entry.schema) continue;
      for (const extra of [{ restrictionTier: "none" }, { restricted: "false" }, { assigneeId: randomUUID() }]) {
        const result = entry.schema.safeParse({ caseId: randomUUID(), version: "1", ...extra });
        const refusedKey = !result.success && result.error.issues.some((issue) => issue.code === "unrecognized_keys");
        if (!refusedKey) lenient.push(`${key} accepts ${Object.keys(extra)[0]}`);
      }
    }
    expect(lenient).toEqual([]);
  });
});

describe("every case action × every role, against a restricted case and a random id (AC-01, AC-05, CS-04)", () => {
  let db: TestDatabase;
  let context: Context;
  let actors: Record<Role, UseCaseActor>;
  let RESTRICTED_IDS: Record<Restricted, string>;
  let SCR_CASE: string;
  let MAPPA_CASE: string;

  // Read-only for every role but the nominated officer, whose one write (a note) no other test counts.
  beforeAll(async () => {
    db = await createTestDatabase();
    const provider = await createProvider(db.prisma);
    actors = actorsByRole(provider);
    RESTRICTED_IDS = await buildRestrictedCases(db.prisma, provider);
    ({ scr: SCR_CASE, mappaAnnex: MAPPA_CASE } = RESTRICTED_IDS);
    context = {
      prisma: db.prisma,
      versionOf: async (caseId) => (await db.prisma.case.findUnique({ where: { id: caseId }, select: { version: true } }))?.version ?? 1,
      annexVersionOf: async (caseId) => (await db.prisma.mappaAnnex.findUnique({ where: { caseId }, select: { version: true } }))?.version ?? 0,
      caseworkerId: provider.users.caseworker.id,
    };
  });
  afterAll(() => db.close());

  const caseEntries = Object.entries(ACTION_MATRIX).filter((pair): pair is [string, CaseActionEntry] => pair[1].kind === "case");

  for (const role of NON_NO_ROLES) {
    it.each(caseEntries)(`as ${role}: %s answers a restricted id exactly as a random id, and changes nothing`, async (_key, entry) => {
      const before = await databaseFingerprint(db.prisma);
      const random = await outcomeOf(entry.run(context, actors[role], randomUUID()));
      expect(random).toMatch(/"code":"(NOT_FOUND|FORBIDDEN)"/);
      for (const restricted of entry.restricted) {
        expect(await outcomeOf(entry.run(context, actors[role], RESTRICTED_IDS[restricted])), restricted).toBe(random);
      }
      expect(await databaseFingerprint(db.prisma)).toEqual(before);
    });
  }

  it.each(caseEntries)("as nominated_officer: %s answers a random id 'not found' and writes nothing", async (_key, entry) => {
    const before = await databaseFingerprint(db.prisma);
    expect(await outcomeOf(entry.run(context, actors.nominated_officer, randomUUID()))).toMatch(/"code":"NOT_FOUND"/);
    expect(await databaseFingerprint(db.prisma)).toEqual(before);
  });

  it("lets the nominated officer reach the restricted records through the same use-cases (the matrix can fail)", async () => {
    expect(await outcomeOf(addCaseNote(db.prisma, actors.nominated_officer, { caseId: SCR_CASE, text: "Seen by the nominated officer" }))).toBe("succeeded");
    expect(await outcomeOf(getMappaAnnex(db.prisma, actors.nominated_officer, MAPPA_CASE))).toBe("succeeded");
  });

  for (const role of NON_NO_ROLES) {
    it.each(Object.entries(LOADER_MATRIX))(`as ${role}: the %s loader answers a restricted id exactly as a random id`, async (_name, loader) => {
      const random = await outcomeOf(loader.load(db.prisma, actors[role], randomUUID()));
      expect(random).toMatch(/"code":"(NOT_FOUND|FORBIDDEN)"/);
      for (const restricted of loader.restricted) {
        expect(await outcomeOf(loader.load(db.prisma, actors[role], RESTRICTED_IDS[restricted])), restricted).toBe(random);
      }
    });
  }

  it("opens the SCR case and the MAPPA annex for the nominated officer", async () => {
    expect((await getCaseView(db.prisma, actors.nominated_officer, SCR_CASE, clock)).id).toBe(SCR_CASE);
    expect((await getMappaAnnex(db.prisma, actors.nominated_officer, MAPPA_CASE)).caseId).toBe(MAPPA_CASE);
  });
});

describe("lists and search never show an SCR case to anyone but a nominated officer (AC-02)", () => {
  let db: TestDatabase;
  let actors: Record<Role, UseCaseActor>;
  let SCR_CASE: string;
  let identifiers: { id: string; reference: string; surname: string; forename: string; nino: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    const provider = await createProvider(db.prisma);
    actors = actorsByRole(provider);
    // The SCR case is overdue to start (20 working days from 26 October): it would head the
    // at-risk lists and exports if anything let it through. Ordinary cases fill the lists around it.
    ({ scr: SCR_CASE } = await buildRestrictedCases(db.prisma, provider, { referralDate: "2026-10-26", claimant: { forename: "Nadia", surname: "Harker" } }));
    await createCase(db.prisma, provider, { route: "prap_single", state: "referred", referralDate: "2026-10-27", assignedTo: provider.users.caseworker });
    await createCase(db.prisma, provider, { route: "prap_two_stage", state: "accepted", referralDate: "2026-10-30" });
    await createCase(db.prisma, provider, { route: "prap_single", state: "started", referralDate: "2026-10-20", dates: { startedOn: "2026-11-02" } });
    // Even assigned to a caseworker (which the app refuses), the SCR case stays out of their "mine" view.
    await db.prisma.case.update({ where: { id: SCR_CASE }, data: { assignedCaseworkerId: provider.users.caseworker.id } });
    const scr = await db.prisma.case.findUniqueOrThrow({ where: { id: SCR_CASE }, include: { claimant: true } });
    identifiers = { id: scr.id, reference: scr.reference, surname: scr.claimant.surname, forename: scr.claimant.forename, nino: scr.claimant.nino ?? "" };
    expect(identifiers.nino).not.toBe("");
  });
  afterAll(() => db.close());

  const queries = (): { view: (typeof WORK_QUEUE_VIEWS)[number]; search?: string; label: string }[] => [
    { view: "mine", label: "mine" },
    { view: "unassigned", label: "unassigned" },
    { view: "open", label: "open" },
    { view: "closed", label: "closed" },
    { view: "search", search: identifiers.nino, label: "search by NINO" },
    { view: "search", search: identifiers.surname, label: "search by surname" },
    { view: "search", search: `${identifiers.forename} ${identifiers.surname}`, label: "search by full name" },
    { view: "search", search: identifiers.reference, label: "search by reference" },
  ];

  const leaks = (body: string) => [identifiers.id, identifiers.reference, identifiers.surname, identifiers.nino].filter((value) => body.includes(value));

  for (const role of ["caseworker", "manager"] as const) {
    it(`as ${role}: the SCR case's id, reference, name and NINO are absent from every view and search`, async () => {
      for (const query of queries()) {
        for (const sort of ["next-deadline", "start-deadline"] as const) {
          const result = await listWorkQueue(db.prisma, actors[role], { view: query.view, search: query.search, sort, page: 1, ...clock });
          expect(leaks(JSON.stringify(result)), `${query.label} (${sort})`).toEqual([]);
        }
      }
    });
  }

  it("as manager: the dashboard and every CSV export never name the SCR case (AC-02, AC-07, decision 0005)", async () => {
    const dashboard = await loadDashboard(db.prisma, actors.manager, DEFAULT_DASHBOARD_FILTERS, TODAY, { now: clock.now });
    expect(leaks(JSON.stringify(dashboard))).toEqual([]);
    for (const list of DASHBOARD_LISTS) {
      const file = await exportDashboardList(db.prisma, actors.manager, { ...DEFAULT_DASHBOARD_FILTERS, list }, TODAY);
      expect(leaks(file.csv), list).toEqual([]);
    }
    // Every drill-down behind a count, and its CSV (docs/decisions/0029-manager-dashboard-drill-downs.md).
    for (const figure of DASHBOARD_FIGURES) {
      const drillDown = { ...DEFAULT_DASHBOARD_FILTERS, period: "all-time" as const, figure };
      const cases = await listFigureCases(db.prisma, actors.manager, drillDown, TODAY, { page: 1, pageSize: 1000, now: clock.now });
      expect(leaks(JSON.stringify(cases)), figure).toEqual([]);
      const file = await exportFigureCases(db.prisma, actors.manager, drillDown, TODAY, clock.now);
      expect(leaks(file.csv), figure).toEqual([]);
    }
  });

  it("as caseworker: 'My cases due this week' leaves the SCR case out, even assigned to them", async () => {
    const due = await listMyCasesDueThisWeek(db.prisma, actors.caseworker, TODAY, clock.now);
    expect(leaks(JSON.stringify(due))).toEqual([]);
  });

  for (const role of ["caseworker", "manager", "administrator"] as const) {
    it(`as ${role}: the nominated officer's queue does not exist (NOT_FOUND)`, async () => {
      await expect(getRestrictedQueue(db.prisma, actors[role], clock)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  }

  it("as nominated officer: the queue lists the SCR case (the test can fail)", async () => {
    expect(JSON.stringify(await getRestrictedQueue(db.prisma, actors.nominated_officer, clock))).toContain(identifiers.reference);
  });

  it("as administrator: no case list at all", async () => {
    await expect(listWorkQueue(db.prisma, actors.administrator, { view: "open", page: 1, ...clock })).rejects.toBeInstanceOf(UseCaseError);
  });

  it("as nominated officer: the SCR case is found by NINO, name and reference (the test can fail)", async () => {
    for (const query of queries().filter((candidate) => candidate.view === "search")) {
      const result = await listWorkQueue(db.prisma, actors.nominated_officer, { view: query.view, search: query.search, page: 1, ...clock });
      expect(result.rows.map((row) => row.id), query.label).toContain(SCR_CASE);
    }
  });
});

describe("possible SCR duplicates and the security report: refused to everyone else, changing nothing (AC-02, AC-03, LG-03)", () => {
  let db: TestDatabase;
  let actors: Record<Role, UseCaseActor>;
  let alertId: string;
  let alertVersion: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    const provider = await createProvider(db.prisma);
    actors = actorsByRole(provider);
    const { scr } = await buildRestrictedCases(db.prisma, provider);
    const duplicate = await createCase(db.prisma, provider, { route: "prap_single", restrictionTier: "scr" });
    const alert = await db.prisma.scrDuplicateAlert.create({ data: { organisationId: provider.organisation.id, caseId: duplicate.id, scrCaseId: scr } });
    alertId = alert.id;
    alertVersion = alert.version;
  });
  afterAll(() => db.close());

  const resolve = (actor: UseCaseActor, id: string) =>
    resolveScrDuplicate(db.prisma, actor, { alertId: id, version: alertVersion, resolution: "closed", reason: "Access matrix probe" }, clock.now);

  for (const role of NON_NO_ROLES) {
    it(`as ${role}: the decision page and action answer a real alert exactly as a random id, and change nothing`, async () => {
      const before = await databaseFingerprint(db.prisma);
      expect(await outcomeOf(getScrDuplicate(db.prisma, actors[role], alertId))).toBe(await outcomeOf(getScrDuplicate(db.prisma, actors[role], randomUUID())));
      expect(await outcomeOf(resolve(actors[role], alertId))).toBe(await outcomeOf(resolve(actors[role], randomUUID())));
      expect(await outcomeOf(resolve(actors[role], alertId))).toMatch(/"code":"(NOT_FOUND|FORBIDDEN)"/);
      expect(await databaseFingerprint(db.prisma)).toEqual(before);
    });
  }

  it("as nominated_officer: the decision page opens (the matrix can fail)", async () => {
    expect(await outcomeOf(getScrDuplicate(db.prisma, actors.nominated_officer, alertId))).toBe("succeeded");
  });

  for (const role of ["caseworker", "manager"] as const) {
    it(`as ${role}: the security report and its export are refused`, async () => {
      expect(await outcomeOf(listSecurityEvents(db.prisma, actors[role], {}, 1, 50))).toMatch(/"code":"FORBIDDEN"/);
      expect(await outcomeOf(exportSecurityReport(db.prisma, actors[role], {}, clock.now))).toMatch(/"code":"FORBIDDEN"/);
    });
  }

  for (const role of ["nominated_officer", "administrator"] as const) {
    it(`as ${role}: the security report opens`, async () => {
      expect(await outcomeOf(listSecurityEvents(db.prisma, actors[role], {}, 1, 50))).toBe("succeeded");
    });
  }
});

describe("retention and subject access, every role (DP-02, DP-03, AC-01, AC-03)", () => {
  let db: TestDatabase;
  let actors: Record<Role, UseCaseActor>;
  let scrNino: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const provider = await createProvider(db.prisma);
    actors = actorsByRole(provider);
    const { scr } = await buildRestrictedCases(db.prisma, provider);
    scrNino = (await db.prisma.case.findUniqueOrThrow({ where: { id: scr }, include: { claimant: true } })).claimant.nino ?? "";
    expect(scrNino).not.toBe("");
  });
  afterAll(() => db.close());

  const RETENTION_ROLES: Record<Role, boolean> = { caseworker: false, nominated_officer: false, manager: false, administrator: true };
  for (const role of ROLES) {
    it(`as ${role}: the retention page and run are ${RETENTION_ROLES[role] ? "allowed" : "refused, and nothing is deleted"}`, async () => {
      const before = await databaseFingerprint(db.prisma);
      const preview = await outcomeOf(previewRetention(db.prisma, actors[role], TODAY));
      if (!RETENTION_ROLES[role]) {
        expect(preview).toMatch(/"code":"FORBIDDEN"/);
        expect(await outcomeOf(applyRetention(db.prisma, actors[role], TODAY))).toMatch(/"code":"FORBIDDEN"/);
        expect(await databaseFingerprint(db.prisma)).toEqual(before);
      } else {
        expect(preview).toBe("succeeded");
      }
    });
  }

  const SAR_ROLES: Record<Role, "all" | "not-scr" | "none"> = { caseworker: "none", nominated_officer: "all", manager: "none", administrator: "not-scr" };
  for (const role of ROLES) {
    it(`as ${role}: a subject access export of a NINO held only on an SCR case ${SAR_ROLES[role] === "all" ? "succeeds" : "answers exactly as for an unknown NINO"}`, async () => {
      const scr = await outcomeOf(exportSubjectAccess(db.prisma, actors[role], { nino: scrNino }, clock.now));
      const random = await outcomeOf(exportSubjectAccess(db.prisma, actors[role], { nino: "WP999999A" }, clock.now));
      if (SAR_ROLES[role] === "all") {
        expect(scr).toBe("succeeded");
        return;
      }
      expect(random).toMatch(SAR_ROLES[role] === "none" ? /"code":"FORBIDDEN"/ : /"code":"NOT_FOUND"/);
      expect(scr).toBe(random);
    });
  }
});

describe("identity actions: refused to every role without the permission, changing nothing (AC-03, AU-04, AC-06, SE-05)", () => {
  let db: TestDatabase;
  let actors: Record<Role, UseCaseActor>;
  let targetId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const provider = await createProvider(db.prisma);
    actors = actorsByRole(provider);
    targetId = provider.users.caseworker.id;
  });
  afterAll(() => db.close());

  const calls = {
    resetUserMfa: (actor: UseCaseActor) => resetUserMfa(db.prisma, actor, { userId: targetId, version: 1 }),
    decideRoleChange: (actor: UseCaseActor) =>
      decideRoleChange(db.prisma, actor, { requestId: randomUUID(), version: 1, decision: "approve", reason: "Access matrix probe" }),
    signOutUserEverywhere: (actor: UseCaseActor) => signOutUserEverywhere(db.prisma, actor, { userId: targetId }),
  };
  const allowed: Record<keyof typeof calls, readonly Role[]> = {
    resetUserMfa: ["administrator"],
    decideRoleChange: ["administrator"],
    signOutUserEverywhere: ["administrator", "nominated_officer"],
  };

  for (const role of ROLES) {
    for (const [name, call] of Object.entries(calls) as [keyof typeof calls, (actor: UseCaseActor) => Promise<unknown>][]) {
      if (allowed[name].includes(role)) continue;
      it(`as ${role}: ${name} is FORBIDDEN and writes nothing`, async () => {
        const before = await databaseFingerprint(db.prisma);
        expect(await outcomeOf(call(actors[role]))).toMatch(/"code":"FORBIDDEN"/);
        expect(await databaseFingerprint(db.prisma)).toEqual(before);
      });
    }
  }

  it("as administrator: deciding a request that does not exist is NOT_FOUND (the matrix can fail)", async () => {
    expect(await outcomeOf(calls.decideRoleChange(actors.administrator))).toMatch(/"code":"NOT_FOUND"/);
  });

  it("as nominated_officer: signing a user out everywhere succeeds (the matrix can fail)", async () => {
    expect(await outcomeOf(calls.signOutUserEverywhere(actors.nominated_officer))).toBe("succeeded");
  });
});
