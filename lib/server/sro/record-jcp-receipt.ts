import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { JcpReceiptInput } from "@/lib/domain/forms/sro-introduction-forms";
import { recordAudit } from "../audit/record-audit";
import { claimCaseVersion } from "../cases/claim-case-version";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { findIntroductionForActor } from "./introduction-step";

/**
 * JCP's notification that it received the SESSRO1 copy (13.49, 3.27), recorded on the case while
 * its PRaP referral is awaited: after the copy was logged as sent by secure post (13.48), never
 * before the day it was posted. Version-checked (a double submit is STALE and writes nothing),
 * one audit row. JCP's referral that still has not come shows as "JCP referral missing"
 * (lib/domain/sro/jcp-referral-missing.ts).
 */
export async function recordJcpReceipt(prisma: PrismaClient, actor: UseCaseActor, input: JcpReceiptInput): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const { found, form } = await findIntroductionForActor(tx, actor, input.caseId, input.version);
    if (found.state !== "introduction_accepted") {
      throw new UseCaseError("INVALID", "JCP’s receipt of the SESSRO1 is recorded while its PRaP referral is awaited, after the introduction is accepted (13.49, 3.27)");
    }
    const posted = await tx.securePostLog.findFirst({
      where: { caseId: found.id, document: "sessro1_copy", direction: "sent" },
      orderBy: { postedOn: "desc" },
      select: { postedOn: true },
    });
    if (!posted) {
      throw new UseCaseError("INVALID", "Log the SESSRO1 copy sent to the JCP SPoC by secure post first (13.48, 3.26)");
    }
    if (input.receivedOn < posted.postedOn.toISOString().slice(0, 10)) {
      const message = "JCP cannot have received the SESSRO1 before the day it was posted";
      throw new UseCaseError("INVALID", message, { receivedOn: message });
    }
    await claimCaseVersion(tx, found.id, input.version);
    await tx.sessro1Form.update({ where: { id: form.id }, data: { jcpReceiptOn: isoDateToDb(input.receivedOn), version: { increment: 1 } } });
    await recordAudit(tx, actor, {
      action: "sessro1.jcp_receipt_recorded",
      entityType: "Sessro1Form",
      entityId: form.id,
      caseId: found.id,
      before: { jcpReceiptOn: form.jcpReceiptOn?.toISOString().slice(0, 10) ?? null },
      after: { jcpReceiptOn: input.receivedOn },
      reason: "JCP notified receipt of the SESSRO1 copy (13.49, 3.27)",
    });
  });
}
