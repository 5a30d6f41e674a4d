import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { claimantDisplayName } from "@/lib/domain/claimant-name";
import type { Inbox } from "@/lib/domain/uc452/template";
import { recordAudit, type AuditEntry } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { refuseDateBefore, refuseFutureDate } from "../refuse-business-date";
import { CASE_FOR_CHANGE_SELECT } from "../cases/case-access";
import { claimCaseVersion } from "../cases/claim-case-version";
import { findVisibleCase } from "../cases/find-visible-case";
import { recomputeCaseDueDates } from "../cases/recompute-case-due-dates";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

/**
 * A UC case's paper trail (docs/rules/forms.md; route 1 steps 3 and 6): the UC452 and UCPR1
 * arriving by post (13.08, 13.12, 13.14, 13.66), the JCP SPoC chased for them (13.14, 13.67),
 * and UC452 parts 6/7 emailed one form per email to the two DWP inboxes (13.21, 13.22). Every
 * read and write goes through the case visibility rule (findVisibleCase, AC-01): an SCR case is
 * "not found" for a caseworker. The steps those use-cases share live here.
 */

const UC_ONLY_MESSAGE = "The UC452 and UCPR1 are only used for Universal Credit referrals (13.08)";

const UC_CASE_FOR_CHANGE_SELECT = {
  ...CASE_FOR_CHANGE_SELECT,
  ruleset: true,
  referralDate: true,
  uc452ReceivedOn: true,
  ucpr1ReceivedOn: true,
  spocChasedOn: true,
  ucpr1DuplicateRequestedOn: true,
  reference: true,
} as const satisfies Prisma.CaseSelect;

/** Inside a use-case's transaction: the UC case this actor may see (NOT_FOUND otherwise), or INVALID for any other ruleset. */
export async function findUcCaseForChange(tx: Prisma.TransactionClient, actor: UseCaseActor, caseId: string) {
  const found = await findVisibleCase(tx, actor, caseId, { select: UC_CASE_FOR_CHANGE_SELECT, logRefusal: false });
  if (found.ruleset !== "ses_2016_uc") throw new UseCaseError("INVALID", UC_ONLY_MESSAGE);
  return { ...found, referralDate: isoDateFromDb(found.referralDate) };
}

/** A business date on a UC case: not in the future, not before the referral date (lib/domain/business-dates.ts). */
export function refusePaperFormDate(field: string, subject: string, date: IsoDate, today: IsoDate, referralDate: IsoDate | null): void {
  refuseFutureDate(field, subject, date, today);
  if (referralDate) refuseDateBefore(field, subject, date, referralDate, "the referral date");
}

type UcCaseForChange = Awaited<ReturnType<typeof findUcCaseForChange>>;

/**
 * The steps a paper-form date shares (the UC452 or UCPR1 arriving, the SPoC chased): in one
 * transaction, the UC case this actor may see; the date checked (not in the future, not before the
 * referral date); the case's version claimed with the date stored in its column (optimistic
 * concurrency); the form's own record written (`record`, which returns the audit entry); the due
 * dates recomputed, since the date is a clock input (docs/rules/clocks.md); and the audit row
 * (docs/security.md LG-02).
 */
export async function recordPaperFormDate(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: { caseId: string; version: number },
  date: { field: string; subject: string; value: IsoDate; today: IsoDate; column: "uc452ReceivedOn" | "ucpr1ReceivedOn" | "spocChasedOn" | "ucpr1DuplicateRequestedOn" },
  record: (tx: Prisma.TransactionClient, found: UcCaseForChange) => Promise<Omit<AuditEntry, "caseId">>,
): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findUcCaseForChange(tx, actor, input.caseId);
    refusePaperFormDate(date.field, date.subject, date.value, date.today, found.referralDate);
    await claimCaseVersion(tx, found.id, input.version, { [date.column]: isoDateToDb(date.value) });
    const entry = await record(tx, found);
    await recomputeCaseDueDates(tx, found.id);
    await recordAudit(tx, actor, { ...entry, caseId: found.id });
  });
}

const UC_CASE_FOR_READ_SELECT = {
  reference: true,
  ruleset: true,
  referralDate: true,
  referralReceivedOn: true,
  claimant: { select: { title: true, forename: true, surname: true, nino: true } },
  prapReferrals: { orderBy: [{ referralDate: "asc" }, { receivedAt: "asc" }], select: { referralId: true, purchaseOrderNumber: true, provision: true } },
  uc452Parts: true,
  organisation: { select: { name: true, contactEmail: true, ucServiceCentreEmail: true, sesPolicyEmail: true } },
} as const satisfies Prisma.CaseSelect;

/**
 * For the UC452's print view, email page and .eml: the UC case this actor may see, and what
 * identifies the claimant on the form. The UC452 belongs to Universal Credit cases only (13.12):
 * anything else has no such page (NOT_FOUND).
 */
export async function findUcCaseForRead(db: Pick<Prisma.TransactionClient, "case" | "auditEvent">, actor: UseCaseActor, caseId: string) {
  const row = await findVisibleCase(db, actor, caseId, { select: UC_CASE_FOR_READ_SELECT });
  if (row.ruleset !== "ses_2016_uc") throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  // The referral for the Initial Assessment is the one parts 1–4 describe (13.12, 13.18).
  const referral = row.prapReferrals.find((item) => item.provision === "ia_opportunity") ?? row.prapReferrals[0] ?? null;
  const identification = {
    claimantName: claimantDisplayName(row.claimant),
    nino: row.claimant.nino,
    referralId: referral?.referralId ?? null,
    purchaseOrderNumber: referral?.purchaseOrderNumber ?? null,
  };
  return { row, identification };
}

/** The audit action of a read of a restricted case's UC452 (LG-01). */
export const UC452_RESTRICTED_READ_ACTION = "uc452.restricted_read";

/** The address of one of the two DWP inboxes, as the organisation's administrator recorded it (13.21, 13.22). */
export function recipientFor(organisation: { ucServiceCentreEmail: string | null; sesPolicyEmail: string | null }, inbox: Inbox): string | null {
  // The DEA/Work Coach is no DWP inbox: their address is the case's Warm Handover contact (3.05).
  if (inbox === "dea_work_coach") return null;
  return inbox === "uc_service_centre" ? organisation.ucServiceCentreEmail : organisation.sesPolicyEmail;
}
