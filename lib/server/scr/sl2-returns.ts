import { can } from "@/lib/domain/permissions";
import { formatLongDate, todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { CaseState } from "@/lib/domain/case-states";
import type { RecordSl2Page1ReturnedInput, RecordSl2ReferralFormReturnedInput } from "@/lib/domain/forms/scr-forms";
import {
  assessmentDone,
  scrMarking,
  SECURE_RETURN_METHOD_LABELS,
  sl2ReturnDue,
  type Sl2ReturnDue,
} from "@/lib/domain/scr/sl2";
import { recordAudit, recordRestrictedRead } from "../audit/record-audit";
import { claimCaseVersion } from "../cases/case-access";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { findScrCaseForOfficer } from "./scr-access";
import { refuseDateBefore, refuseFutureDate } from "../business-dates";
import { logSecurePost } from "../paper-forms/log-secure-post";

/**
 * The SL2's journey back to JCP's nominated officer (13.54–13.57, 3.31): page 1 completed and
 * returned with pages 2 and 3 kept, then — after the assessment — the referral form completed and
 * returned. Each return is logged with its secure method and date (SecurePostLog, 13.57). Only a
 * nominated officer completes and returns SL2s (13.77, 3.43); for anyone else the case does not
 * exist (scr-access.ts).
 */

type Tx = Prisma.TransactionClient;

export interface Sl2Return {
  id: string;
  document: "sl2_page_1" | "sl2_referral_form";
  direction: "sent" | "received";
  method: string;
  trackingNumber: string | null;
  counterparty: string;
  postedOn: IsoDate;
}

/** What the SL2 pages show: a DTO, never a Prisma row (AC-04). */
export interface Sl2View {
  caseId: string;
  reference: string;
  version: number;
  state: CaseState;
  ruleset: "ses_2016_uc" | "ses_2016_non_uc" | "ses_2017";
  /** 13.77 / 3.43: printed at the top of every SL2 page. */
  marking: "SCR participant" | "SCR customer";
  claimant: { name: string; nino: string | null; telephone: string | null };
  siteName: string;
  jcpNominatedOfficer: { name: string; organisation: string | null; phone: string | null; email: string | null } | null;
  receivedOn: IsoDate;
  page1CompletedOn: IsoDate | null;
  page1ReturnedOn: IsoDate | null;
  page1ReturnMethod: string | null;
  pages2And3Retained: boolean;
  referralFormReturnedOn: IsoDate | null;
  referralFormReturnMethod: string | null;
  assessment: { heldOn: IsoDate | null; outcome: string | null; strand: string | null } | null;
  startedOn: IsoDate | null;
  /** The return that is due now, if any. */
  due: Sl2ReturnDue | null;
  /** 13.56: the referral form goes back after the assessment. */
  assessmentDone: boolean;
  returns: Sl2Return[];
}

/**
 * Load an SCR case's SL2. `restrictedRead` names the audit action to write for this read (the
 * print view and the SL2 pages each write one, LG-01); null when the caller has already written
 * the read (the case page, through getCaseView).
 */
export async function getSl2View(prisma: PrismaClient, actor: UseCaseActor, caseId: string, restrictedRead: string | null): Promise<Sl2View> {
  const found = await findScrCaseForOfficer(prisma, actor, caseId);
  const row = await prisma.case.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      reference: true,
      version: true,
      state: true,
      ruleset: true,
      restrictionTier: true,
      startedOn: true,
      site: { select: { name: true } },
      claimant: { select: { title: true, forename: true, surname: true, nino: true, telephone: true } },
      contacts: { where: { role: "jcp_nominated_officer" }, orderBy: { createdAt: "asc" }, take: 1 },
      sl2: true,
      initialAssessment: { select: { heldOn: true, outcome: true, strand: true } },
      securePost: { where: { document: { in: ["sl2_page_1", "sl2_referral_form"] } }, orderBy: [{ postedOn: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (restrictedRead) await recordRestrictedRead(prisma, actor, row, restrictedRead);
  const sl2 = row.sl2;
  const page1ReturnedOn = isoDateFromDb(sl2?.page1ReturnedOn ?? null);
  const referralFormReturnedOn = isoDateFromDb(sl2?.referralFormReturnedOn ?? null);
  const officer = row.contacts[0];
  return {
    caseId: row.id,
    reference: row.reference,
    version: row.version,
    state: row.state,
    ruleset: row.ruleset,
    marking: scrMarking(row.ruleset),
    claimant: {
      name: [row.claimant.title, row.claimant.forename, row.claimant.surname].filter(Boolean).join(" "),
      nino: row.claimant.nino,
      telephone: row.claimant.telephone,
    },
    siteName: row.site.name,
    jcpNominatedOfficer: officer ? { name: officer.name, organisation: officer.organisation, phone: officer.phone, email: officer.email } : null,
    receivedOn: isoDateFromDb(sl2?.receivedOn ?? found.referralDate) ?? "",
    page1CompletedOn: isoDateFromDb(sl2?.page1CompletedOn ?? null),
    page1ReturnedOn,
    page1ReturnMethod: sl2?.page1ReturnMethod ?? null,
    pages2And3Retained: sl2?.pages2And3Retained ?? false,
    referralFormReturnedOn,
    referralFormReturnMethod: sl2?.referralFormReturnMethod ?? null,
    assessment: row.initialAssessment
      ? { heldOn: isoDateFromDb(row.initialAssessment.heldOn), outcome: row.initialAssessment.outcome, strand: row.initialAssessment.strand }
      : null,
    startedOn: isoDateFromDb(row.startedOn),
    due: sl2ReturnDue({ state: row.state, page1ReturnedOn, referralFormReturnedOn }),
    assessmentDone: assessmentDone(row.state),
    returns: row.securePost.map((post) => ({
      id: post.id,
      document: post.document as Sl2Return["document"],
      direction: post.direction,
      method: post.method,
      trackingNumber: post.trackingNumber,
      counterparty: post.counterparty,
      postedOn: isoDateFromDb(post.postedOn),
    })),
  };
}

/** The case and its SL2, for a nominated officer about to record a return. */
async function sl2ForUpdate(tx: Tx, actor: UseCaseActor, caseId: string) {
  const found = await findScrCaseForOfficer(tx, actor, caseId);
  assertCan(actor, "update:restricted-case:any");
  const sl2 = await tx.sl2Form.findUnique({ where: { caseId: found.id } });
  if (!sl2) throw new UseCaseError("INVALID", "This case has no SL2 recorded.");
  const officer = await tx.contact.findFirst({ where: { caseId: found.id, role: "jcp_nominated_officer" }, orderBy: { createdAt: "asc" }, select: { name: true } });
  return { found, sl2, counterparty: officer ? `${officer.name} (JCP nominated officer)` : "JCP nominated officer" };
}

/** 13.55, 3.31: page 1 completed and returned to the JCP nominated officer; pages 2 and 3 kept. */
export async function recordSl2Page1Returned(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordSl2Page1ReturnedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { found, sl2, counterparty } = await sl2ForUpdate(tx, actor, input.caseId);
    if (sl2.page1ReturnedOn) {
      throw new UseCaseError("INVALID", `Page 1 was already returned on ${formatLongDate(isoDateFromDb(sl2.page1ReturnedOn))}.`);
    }
    const receivedOn = isoDateFromDb(sl2.receivedOn);
    refuseDateBefore("completedOn", "Date page 1 was completed", input.completedOn, receivedOn, "the date the SL2 was received");
    refuseFutureDate("completedOn", "Date page 1 was completed", input.completedOn, today);
    refuseDateBefore("returnedOn", "Date page 1 was returned", input.returnedOn, input.completedOn, "the date it was completed");
    refuseFutureDate("returnedOn", "Date page 1 was returned", input.returnedOn, today);

    await claimCaseVersion(tx, found.id, input.version);
    const method = SECURE_RETURN_METHOD_LABELS[input.method];
    await tx.sl2Form.update({
      where: { id: sl2.id },
      data: {
        page1CompletedOn: isoDateToDb(input.completedOn),
        page1ReturnedOn: isoDateToDb(input.returnedOn),
        page1ReturnMethod: method,
        pages2And3Retained: true,
        version: { increment: 1 },
      },
    });
    const securePostLogId = await logSecurePost(tx, actor, {
      caseId: found.id,
      direction: "sent",
      document: "sl2_page_1",
      method,
      trackingNumber: input.trackingNumber,
      counterparty,
      postedOn: input.returnedOn,
    });
    await recordAudit(tx, actor, {
      action: "sl2.page1_returned",
      entityType: "sl2_form",
      entityId: sl2.id,
      caseId: found.id,
      before: { page1ReturnedOn: null },
      after: {
        page1CompletedOn: input.completedOn,
        page1ReturnedOn: input.returnedOn,
        method: input.method,
        trackingNumber: input.trackingNumber,
        pages2And3Retained: true,
        securePostLogId,
        marking: scrMarking(found.ruleset),
      },
    });
  });
}

/** 13.56, 3.31: after the assessment, the referral form completed and returned to the JCP nominated officer. */
export async function recordSl2ReferralFormReturned(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordSl2ReferralFormReturnedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { found, sl2, counterparty } = await sl2ForUpdate(tx, actor, input.caseId);
    if (sl2.referralFormReturnedOn) {
      throw new UseCaseError("INVALID", `The referral form was already returned on ${formatLongDate(isoDateFromDb(sl2.referralFormReturnedOn))}.`);
    }
    if (!sl2.page1ReturnedOn) {
      throw new UseCaseError("INVALID", "Return SL2 page 1 to the JCP nominated officer first (13.55).");
    }
    if (!assessmentDone(found.state)) {
      throw new UseCaseError("INVALID", "The referral form is completed and returned after the assessment: record the assessment or the start first (13.56).");
    }
    refuseDateBefore("returnedOn", "Date the referral form was returned", input.returnedOn, isoDateFromDb(sl2.page1ReturnedOn), "the date page 1 was returned");
    refuseFutureDate("returnedOn", "Date the referral form was returned", input.returnedOn, today);

    await claimCaseVersion(tx, found.id, input.version);
    const method = SECURE_RETURN_METHOD_LABELS[input.method];
    await tx.sl2Form.update({
      where: { id: sl2.id },
      data: { referralFormReturnedOn: isoDateToDb(input.returnedOn), referralFormReturnMethod: method, version: { increment: 1 } },
    });
    const securePostLogId = await logSecurePost(tx, actor, {
      caseId: found.id,
      direction: "sent",
      document: "sl2_referral_form",
      method,
      trackingNumber: input.trackingNumber,
      counterparty,
      postedOn: input.returnedOn,
    });
    await recordAudit(tx, actor, {
      action: "sl2.referral_form_returned",
      entityType: "sl2_form",
      entityId: sl2.id,
      caseId: found.id,
      before: { referralFormReturnedOn: null },
      after: {
        referralFormReturnedOn: input.returnedOn,
        method: input.method,
        trackingNumber: input.trackingNumber,
        securePostLogId,
        marking: scrMarking(found.ruleset),
      },
    });
  });
}

/** Whether this user may see SCR cases at all (pages use it to decide what to render). */
export function canHandleScr(actor: Pick<UseCaseActor, "roles">): boolean {
  return can(actor.roles, "read:restricted-case:any");
}
