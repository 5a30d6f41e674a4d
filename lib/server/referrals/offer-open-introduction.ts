import type { Prisma } from "@/lib/db/prisma";
import { formatNino } from "@/lib/domain/identifiers";
import { ATTACH_TO_INTRODUCTION_FIELD } from "@/lib/domain/sro/attach-to-introduction";
import type { UseCaseActor } from "../assert-can";
import { caseWhereVisibleTo } from "../cases/case-visibility";
import { UseCaseError } from "../use-case-error";

/**
 * "New referral" with the NINO of an open SRO introduction this user may see: JCP's PRaP referral
 * belongs to that introduction (13.49, 3.27), so instead of asking for a re-referral justification
 * the intake offers to attach it there (docs/rules/routes.md route 3). Nothing is created. An
 * introduction the user may not see (SCR) is not mentioned: the intake goes on as for any NINO.
 */
export async function offerOpenIntroduction(tx: Pick<Prisma.TransactionClient, "case">, actor: UseCaseActor, nino: string): Promise<void> {
  const introduction = await tx.case.findFirst({
    where: { AND: [caseWhereVisibleTo(actor), { route: "sro_introduction", state: { in: ["introduced", "introduction_accepted"] }, claimant: { nino } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, reference: true, state: true },
  });
  if (!introduction) return;
  const next =
    introduction.state === "introduction_accepted"
      ? "attach JCP’s referral to this introduction instead of recording a new referral"
      : "record the first meeting on the introduction, then attach JCP’s referral to it";
  const message = `National Insurance number ${formatNino(nino)} has an open SRO introduction (${introduction.reference}): ${next} (13.49, 3.27)`;
  throw new UseCaseError("INVALID", message, { [`${ATTACH_TO_INTRODUCTION_FIELD}:${introduction.id}`]: message });
}
