import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { claimantDisplayName } from "@/lib/domain/claimant-name";
import { assessmentDone, scrMarking, scrRulesetOverridden, sl2ReturnDue, type Sl2ReturnDue } from "@/lib/domain/scr/sl2";
import type { UseCaseActor } from "../assert-can";
import { CASE_HEADER_SELECT, caseHeaderOf, type CaseHeader } from "../cases/case-header";
import { SECURE_POST_IN_ORDER, securePostViewOf, type SecurePostView } from "../paper-forms/log-secure-post";
import { findScrCaseForOfficer } from "./find-scr-case";

/**
 * The SL2's journey back to JCP's nominated officer (13.54–13.57, 3.31): page 1 completed and
 * returned with pages 2 and 3 kept, then — after the assessment — the referral form completed and
 * returned. Each return is logged with its secure method and date (SecurePostLog, 13.57). Only a
 * nominated officer completes and returns SL2s (13.77, 3.43); for anyone else the case does not
 * exist (find-scr-case.ts).
 */

export interface Sl2Return extends SecurePostView {
  document: "sl2_page_1" | "sl2_referral_form";
  direction: "sent" | "received";
}

/** What the SL2 pages show: a DTO, never a Prisma row (AC-04). */
export interface Sl2View extends CaseHeader {
  /** 13.77 / 3.43: printed at the top of every SL2 page. */
  marking: "SCR participant" | "SCR customer";
  /** The case's ruleset was overridden, so the nominated officer may override the marking with a reason (13.77, 3.43). */
  markingOverridable: boolean;
  markingOverrideReason: string | null;
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

const SL2_DOCUMENTS: readonly string[] = ["sl2_page_1", "sl2_referral_form"] satisfies Sl2Return["document"][];

/** The case columns and records the SL2 pages and the case page's section show. */
export const SL2_VIEW_SELECT = {
  ...CASE_HEADER_SELECT,
  referralDate: true,
  startedOn: true,
  site: { select: { name: true } },
  claimant: { select: { title: true, forename: true, surname: true, nino: true, telephone: true } },
  contacts: { where: { role: "jcp_nominated_officer" }, orderBy: { createdAt: "asc" }, take: 1 },
  sl2: true,
  initialAssessment: { select: { heldOn: true, outcome: true, strand: true } },
  securePost: SECURE_POST_IN_ORDER,
} as const satisfies Prisma.CaseSelect;

/**
 * Load an SCR case's SL2. `restrictedRead` names the audit action to write for this read (the
 * print view and the SL2 pages each write one, LG-01); null when the caller has already written
 * the read (the case page writes one read for everything it shows).
 */
export async function getSl2View(prisma: PrismaClient, actor: UseCaseActor, caseId: string, restrictedRead: string | null): Promise<Sl2View> {
  return sl2ViewOf(await findScrCaseForOfficer(prisma, actor, caseId, { select: SL2_VIEW_SELECT, restrictedRead }));
}

/** The SL2 of an SCR case already loaded through the visibility rule. */
export function sl2ViewOf(row: Prisma.CaseGetPayload<{ select: typeof SL2_VIEW_SELECT }>): Sl2View {
  const sl2 = row.sl2;
  const page1ReturnedOn = isoDateFromDb(sl2?.page1ReturnedOn ?? null);
  const referralFormReturnedOn = isoDateFromDb(sl2?.referralFormReturnedOn ?? null);
  const officer = row.contacts.find((contact) => contact.role === "jcp_nominated_officer");
  return {
    ...caseHeaderOf(row),
    marking: scrMarking(row.ruleset, row.sl2?.markingOverride ?? null),
    markingOverridable: sl2 ? scrRulesetOverridden(row.ruleset, isoDateFromDb(sl2.receivedOn)!) : false,
    markingOverrideReason: sl2?.markingOverrideReason ?? null,
    claimant: { name: claimantDisplayName(row.claimant), nino: row.claimant.nino, telephone: row.claimant.telephone },
    siteName: row.site.name,
    jcpNominatedOfficer: officer ? { name: officer.name, organisation: officer.organisation, phone: officer.phone, email: officer.email } : null,
    receivedOn: isoDateFromDb(sl2?.receivedOn ?? row.referralDate) ?? "",
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
    returns: row.securePost
      .filter((post) => SL2_DOCUMENTS.includes(post.document))
      .map((post) => ({ ...securePostViewOf(post), document: post.document as Sl2Return["document"], direction: post.direction })),
  };
}
