import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { claimantDisplayName } from "@/lib/domain/claimant-name";
import { CUSTOMER_EXIT_TRACKER_TEMPLATE, EXIT_PARTS, renderPart, type RenderedField } from "@/lib/domain/uc452/template";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findVisibleCase } from "../cases/find-visible-case";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

/** The Customer Exit Tracker page (3.16): the tracker as composed, where it goes, and every version sent. */
export interface ExitTrackerPage {
  caseId: string;
  reference: string;
  customerName: string;
  referralId: string | null;
  /** null until the customer has exited (completion or early leaving). */
  form: { version: number; title: string; fields: RenderedField[] } | null;
  /** The referring DEA/Work Coach from the Warm Handover (3.05); null when none is recorded. */
  workCoach: { name: string; role: string; phone: string | null; email: string | null } | null;
  dueOn: IsoDate | null;
  sentOn: IsoDate | null;
  /** Every version sent, newest first, each with the tracker as it was sent. */
  sent: { id: string; sentOn: IsoDate; recipient: string; formVersion: number | null; fields: { label: string; value: string }[] }[];
}

export const EXIT_TRACKER_CASE_SELECT = {
  id: true,
  reference: true,
  ruleset: true,
  route: true,
  exitNoticeDueOn: true,
  exitNoticeSentOn: true,
  claimant: { select: { title: true, forename: true, surname: true } },
  prapReferrals: { orderBy: { referralDate: "asc" }, select: { referralId: true } },
  contacts: { where: { role: { in: ["work_coach", "disability_employment_adviser"] } }, orderBy: { createdAt: "asc" }, select: { id: true, role: true, name: true, phone: true, email: true } },
  uc452Parts: { where: { part: { in: [...EXIT_PARTS] } } },
} as const satisfies Prisma.CaseSelect;

/**
 * A 2017 case's exit notice (3.05, 3.16): NOT_FOUND for anything else — a 2016 UC case sends UC452
 * part 8a or 8b instead (13.21 note), an SCR case is clerical, a 2016 non-UC case has neither.
 */
export async function findExitTrackerCase(db: Pick<Prisma.TransactionClient, "case" | "auditEvent">, actor: UseCaseActor, caseId: string, logRefusal = true) {
  const row = await findVisibleCase(db, actor, caseId, { select: EXIT_TRACKER_CASE_SELECT, logRefusal });
  if (row.ruleset !== "ses_2017" || row.restrictionTier === "scr" || row.route === "scr_clerical") throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return row;
}

export async function getExitTrackerPage(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<ExitTrackerPage> {
  assertCan(actor, "read:case:any");
  const row = await findExitTrackerCase(prisma, actor, caseId);
  const stored = row.uc452Parts.find((part) => part.templateVersion === CUSTOMER_EXIT_TRACKER_TEMPLATE) ?? null;
  const sent = await prisma.uc452Email.findMany({
    where: { caseId: row.id, inbox: "dea_work_coach" },
    orderBy: [{ sentOn: "desc" }, { createdAt: "desc" }],
  });
  const contact = row.contacts.at(-1) ?? null;
  return {
    caseId: row.id,
    reference: row.reference,
    customerName: claimantDisplayName(row.claimant),
    referralId: row.prapReferrals[0]?.referralId ?? null,
    form: stored ? { version: stored.version, ...renderPart(stored.templateVersion, stored.part, stored.fields) } : null,
    workCoach: contact
      ? { name: contact.name, role: contact.role === "disability_employment_adviser" ? "DEA" : "Work Coach", phone: contact.phone, email: contact.email }
      : null,
    dueOn: isoDateFromDb(row.exitNoticeDueOn),
    sentOn: isoDateFromDb(row.exitNoticeSentOn),
    sent: sent.map((email) => {
      const snapshot = (email.snapshot ?? {}) as { templateVersion?: string; part?: string; formVersion?: number; fields?: unknown };
      const part = snapshot.part === "part_8a" || snapshot.part === "part_8b" ? snapshot.part : email.part;
      return {
        id: email.id,
        sentOn: isoDateFromDb(email.sentOn) as IsoDate,
        recipient: email.recipient,
        formVersion: typeof snapshot.formVersion === "number" ? snapshot.formVersion : null,
        fields: renderPart(snapshot.templateVersion ?? CUSTOMER_EXIT_TRACKER_TEMPLATE, part, snapshot.fields).fields.map(({ label, value }) => ({ label, value })),
      };
    }),
  };
}
