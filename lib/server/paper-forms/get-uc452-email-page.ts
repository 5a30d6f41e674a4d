import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { inboxesFor, renderPart, type EmailedPart, type Inbox, type RenderedField } from "@/lib/domain/uc452/template";
import { recordRestrictedRead } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findUcCaseForRead, recipientFor, UC452_RESTRICTED_READ_ACTION } from "./uc-case";

export interface Uc452EmailPage {
  caseId: string;
  reference: string;
  part: EmailedPart;
  /** null: the part has not been completed, so there is nothing to email yet. */
  form: { version: number; templateVersion: string; title: string; fields: RenderedField[]; amendmentReason: string | null } | null;
  inboxes: { inbox: Inbox; recipient: string | null; sent: { id: string; sentOn: IsoDate; recipient: string; formVersion: number | null }[] }[];
}

/** The email page for one part: each inbox's address, the download, and what was sent already. */
export async function getUc452EmailPage(prisma: PrismaClient, actor: UseCaseActor, caseId: string, part: EmailedPart): Promise<Uc452EmailPage> {
  assertCan(actor, "read:case:any");
  const { row } = await findUcCaseForRead(prisma, actor, caseId);
  await recordRestrictedRead(prisma, actor, row, UC452_RESTRICTED_READ_ACTION);
  const form = row.uc452Parts.find((item) => item.part === part) ?? null;
  const sent = await prisma.uc452Email.findMany({ where: { caseId: row.id, part }, orderBy: [{ sentOn: "desc" }, { createdAt: "desc" }] });
  return {
    caseId: row.id,
    reference: row.reference,
    part,
    form: form
      ? { version: form.version, templateVersion: form.templateVersion, amendmentReason: form.amendmentReason, ...renderPart(form.templateVersion, part, form.fields) }
      : null,
    // 13.21, 13.22: parts 6 and 7 to both DWP inboxes; 13.21 note, 13.36, 13.37: 8a and 8b to the UC Service Centre.
    inboxes: inboxesFor(part).map((inbox) => ({
      inbox,
      recipient: recipientFor(row.organisation, inbox),
      sent: sent
        .filter((email) => email.inbox === inbox)
        .map((email) => {
          const version = (email.snapshot as { formVersion?: unknown } | null)?.formVersion;
          return { id: email.id, sentOn: isoDateFromDb(email.sentOn), recipient: email.recipient, formVersion: typeof version === "number" ? version : null };
        }),
    })),
  };
}
