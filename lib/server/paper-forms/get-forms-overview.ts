import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { renderPart, UC452_PARTS, type Inbox, type Uc452Part } from "@/lib/domain/uc452/template";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findVisibleCase } from "../cases/find-visible-case";

export interface FormsOverview {
  caseId: string;
  reference: string;
  version: number;
  isUc: boolean;
  referralDate: IsoDate | null;
  uc452ReceivedOn: IsoDate | null;
  ucpr1: { receivedOn: IsoDate; fields: { key: (typeof UCPR1_LABELS)[number][0]; label: string; value: string | null }[] } | null;
  spocChasedOn: IsoDate | null;
  ucpr1DuplicateRequestedOn: IsoDate | null;
  /** The provider's parts (6, 7, 8a, 8b) completed so far. */
  parts: { part: Uc452Part; title: string; templateVersion: string; completedOn: IsoDate | null; formVersion: number }[];
  emails: { id: string; part: Uc452Part; inbox: Inbox; recipient: string; sentOn: IsoDate }[];
}

const UCPR1_LABELS = [
  ["jobAims", "Job aims"],
  ["jobPreferences", "Job preferences"],
  ["preferredHours", "Preferred hours"],
  ["availabilityRestrictions", "Availability restrictions"],
  ["specialArrangements", "Special arrangements"],
  ["complexNeeds", "Complex needs and additional requirements"],
] as const;

/** The case columns and records the Forms section shows (the case page selects them with its own). */
export const FORMS_OVERVIEW_SELECT = {
  id: true,
  reference: true,
  version: true,
  ruleset: true,
  referralDate: true,
  uc452ReceivedOn: true,
  spocChasedOn: true,
  ucpr1DuplicateRequestedOn: true,
  ucpr1: true,
  uc452Parts: { orderBy: { createdAt: "asc" } },
  uc452Emails: { orderBy: [{ sentOn: "desc" }, { createdAt: "desc" }] },
} as const satisfies Prisma.CaseSelect;

/** What the case page's Forms section and the paper-form pages show. */
/** The audit action of a paper-form page of an SCR case (forms received, SPoC chase; LG-01). */
export const PAPER_FORMS_RESTRICTED_READ_ACTION = "paper_forms.restricted_read";

export async function getFormsOverview(prisma: PrismaClient, actor: UseCaseActor, caseId: string, restrictedRead: string | null = null): Promise<FormsOverview> {
  assertCan(actor, "read:case:any");
  return formsOverviewOf(await findVisibleCase(prisma, actor, caseId, { select: FORMS_OVERVIEW_SELECT, restrictedRead }));
}

/** The overview of a case already loaded through the visibility rule. */
export function formsOverviewOf(row: Prisma.CaseGetPayload<{ select: typeof FORMS_OVERVIEW_SELECT }>): FormsOverview {
  return {
    caseId: row.id,
    reference: row.reference,
    version: row.version,
    isUc: row.ruleset === "ses_2016_uc",
    referralDate: isoDateFromDb(row.referralDate),
    uc452ReceivedOn: isoDateFromDb(row.uc452ReceivedOn),
    ucpr1: row.ucpr1
      ? { receivedOn: isoDateFromDb(row.ucpr1.receivedOn), fields: UCPR1_LABELS.map(([key, label]) => ({ key, label, value: row.ucpr1![key] })) }
      : null,
    spocChasedOn: isoDateFromDb(row.spocChasedOn),
    ucpr1DuplicateRequestedOn: isoDateFromDb(row.ucpr1DuplicateRequestedOn),
    parts: row.uc452Parts
      .filter((form) => form.part !== "parts_1_to_4")
      .sort((a, b) => UC452_PARTS.indexOf(a.part) - UC452_PARTS.indexOf(b.part))
      .map((form) => ({
        part: form.part,
        title: renderPart(form.templateVersion, form.part, form.fields).title,
        templateVersion: form.templateVersion,
        completedOn: form.completedAt ? todayInLondon(form.completedAt) : null,
        formVersion: form.version,
      })),
    emails: row.uc452Emails.map((email) => ({ id: email.id, part: email.part, inbox: email.inbox, recipient: email.recipient, sentOn: isoDateFromDb(email.sentOn) })),
  };
}
