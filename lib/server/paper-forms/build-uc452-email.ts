import type { PrismaClient } from "@/lib/db/prisma";
import { buildUc452Email, type Uc452Email } from "@/lib/domain/uc452/eml";
import type { EmailedPart, Inbox } from "@/lib/domain/uc452/template";
import { recordRestrictedRead } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { findUcCaseForRead, recipientFor, UC452_RESTRICTED_READ_ACTION } from "./uc-case";

/**
 * Build (never send, never record) the .eml for one part to one inbox. NOT_FOUND when the case is
 * not visible, not UC, the part is not completed, or the inbox has no address.
 */
export async function buildUc452EmailFor(
  prisma: PrismaClient,
  actor: UseCaseActor,
  caseId: string,
  part: EmailedPart,
  inbox: Inbox,
  now: Date = new Date(),
): Promise<Uc452Email> {
  assertCan(actor, "read:case:any");
  const { row, identification } = await findUcCaseForRead(prisma, actor, caseId);
  const form = row.uc452Parts.find((item) => item.part === part);
  const to = recipientFor(row.organisation, inbox);
  if (!form || !to) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  await recordRestrictedRead(prisma, actor, row, UC452_RESTRICTED_READ_ACTION);
  return buildUc452Email({
    part,
    inbox,
    to,
    from: { name: row.organisation.name, address: row.organisation.contactEmail },
    caseReference: row.reference,
    templateVersion: form.templateVersion,
    identification,
    fields: form.fields,
    now,
    // 13.21: an amended part 6 says which version it is, and why it changed.
    amendmentReason: form.amendmentReason,
    formVersion: form.version,
  });
}
