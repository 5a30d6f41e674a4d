import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/prisma";
import type { HandoverDefaults } from "@/lib/domain/import/prap-import-row";
import type { UseCaseActor } from "../assert-can";

type Reader = Pick<Prisma.TransactionClient, "expectedReferral">;

export interface ExpectedHandover extends HandoverDefaults {
  expectedReferralId: string;
}

/**
 * The open expected referrals (Warm Handover calls with no PRaP referral yet, 3.05) of these
 * NINOs, by NINO: an imported referral takes the DEA/Work Coach contact from the call when the
 * file has none, and is attached to it when committed.
 */
export async function expectedHandoversByNino(db: Reader, actor: UseCaseActor, ninos: readonly string[]): Promise<Map<string, ExpectedHandover>> {
  const unique = [...new Set(ninos.filter((nino) => nino !== ""))];
  if (unique.length === 0) return new Map();
  const rows = await db.expectedReferral.findMany({
    where: { organisationId: actor.organisationId, status: "expected", nino: { in: unique } },
    orderBy: { calledOn: "asc" },
  });
  const byNino = new Map<string, ExpectedHandover>();
  for (const row of rows) {
    if (!row.nino || byNino.has(row.nino)) continue;
    byNino.set(row.nino, {
      expectedReferralId: row.id,
      handoverRole: row.handoverRole,
      handoverName: row.handoverName,
      handoverOrganisation: row.jobcentre ?? "",
      handoverPhone: row.handoverPhone,
      handoverEmail: row.handoverEmail,
      warmHandoverOn: isoDateFromDb(row.calledOn),
    });
  }
  return byNino;
}
