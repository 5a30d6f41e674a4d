import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { Sessro1SentInput } from "@/lib/domain/forms/sro-introduction-forms";
import { recordAudit } from "../audit/record-audit";
import { claimCaseVersion } from "../cases/claim-case-version";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { findIntroductionForActor } from "./introduction-step";
import { logSecurePost } from "../paper-forms/log-secure-post";

/**
 * After accepting (13.47–13.48, 3.25–3.26): the printed SESSRO1 signed, a copy offered to the
 * person, the original retained; a copy (with the consent part) sent to the JCP SPoC by secure
 * post — a minimum of Track and Trace — logged for audit with its tracking number and date
 * (SecurePostLog); and the SPoC notified. One transaction, version-checked (a double submit is
 * STALE and writes nothing), one audit row.
 */
export async function recordSessro1Sent(prisma: PrismaClient, actor: UseCaseActor, input: Sessro1SentInput): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const { found, form } = await findIntroductionForActor(tx, actor, input.caseId, input.version);
    if (found.state !== "introduction_accepted") {
      const message = "The SESSRO1 is signed and sent to the JCP SPoC after the introduction is accepted at the first meeting (13.47)";
      throw new UseCaseError("INVALID", message, {});
    }
    if (form.firstMetOn && input.signedOn < form.firstMetOn.toISOString().slice(0, 10)) {
      throw new UseCaseError("INVALID", "The form is signed on or after the first meeting", { signedOn: "The form is signed on or after the first meeting" });
    }
    await claimCaseVersion(tx, found.id, input.version);
    await tx.sessro1Form.update({
      where: { id: form.id },
      data: {
        signedOn: isoDateToDb(input.signedOn),
        copyOfferedOn: isoDateToDb(input.copyOfferedOn),
        originalRetained: input.originalRetained,
        spocNotifiedOn: isoDateToDb(input.spocNotifiedOn),
        version: { increment: 1 },
      },
    });
    const securePostLogId = await logSecurePost(tx, actor, {
      caseId: found.id,
      direction: "sent",
      document: "sessro1_copy",
      method: input.method,
      trackingNumber: input.trackingNumber,
      counterparty: input.counterparty,
      postedOn: input.postedOn,
    });
    await recordAudit(tx, actor, {
      action: "sessro1.sent",
      entityType: "Sessro1Form",
      entityId: form.id,
      caseId: found.id,
      after: {
        signedOn: input.signedOn,
        copyOfferedOn: input.copyOfferedOn,
        originalRetained: input.originalRetained,
        securePostLogId,
        method: input.method,
        trackingNumber: input.trackingNumber,
        postedOn: input.postedOn,
        spocNotifiedOn: input.spocNotifiedOn,
      },
      reason: "SESSRO1 copy sent to the JCP SPoC by secure post (13.48, 3.26)",
    });
  });
}
