import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { DEFAULT_UNABLE_TO_CONTACT_THRESHOLD, failedAttemptsSinceLastContact } from "@/lib/domain/lifecycle/contact-attempts";
import type { LifecycleSnapshot, PrapReferralRole } from "@/lib/domain/referral-lifecycle";

type Db = Prisma.TransactionClient | PrismaClient;

/** The provisions each PRaP referral role stands for (domain.md "Model", layer 2). */
export const PROVISIONS_FOR_ROLE = {
  initial_assessment: ["ia_opportunity"],
  strand: ["sesmp", "sessb"],
  single: ["ses_p2_national"],
} as const satisfies Record<PrapReferralRole, readonly string[]>;

/** What the state machine needs to know about a case, read from the database. */
export async function loadLifecycleSnapshot(db: Db, caseId: string): Promise<LifecycleSnapshot> {
  const row = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      route: true,
      ruleset: true,
      state: true,
      restrictionTier: true,
      referralDate: true,
      startedOn: true,
      backOutEmailAt: true,
      siteId: true,
      site: { select: { capacity: true } },
      prapReferrals: { select: { provision: true } },
      contactAttempts: { orderBy: { attemptedAt: "asc" }, select: { outcome: true } },
    },
  });
  let provisionFull: boolean | null = null;
  if (row.site.capacity !== null) {
    // Places taken: cases on the provision at the site (accepted and not yet ended).
    const open = await db.case.count({ where: { siteId: row.siteId, state: { in: ["accepted", "started", "backed_out"] } } });
    provisionFull = open >= row.site.capacity;
  }
  return {
    route: row.route,
    ruleset: row.ruleset,
    state: row.state,
    restrictionTier: row.restrictionTier,
    referralDate: isoDateFromDb(row.referralDate),
    startedOn: isoDateFromDb(row.startedOn),
    backOutEmailAt: row.backOutEmailAt?.toISOString() ?? null,
    hasStrandReferral: row.prapReferrals.some((referral) => referral.provision === "sesmp" || referral.provision === "sessb"),
    provisionFull,
    failedContactAttempts: failedAttemptsSinceLastContact(row.contactAttempts.map((attempt) => attempt.outcome)),
  };
}

/** domain.md Decisions: the "unable to contact" threshold setting (default 3, 3.08). */
export async function loadUnableToContactThreshold(db: Db): Promise<number> {
  const setting = await db.setting.findUnique({ where: { key: "contact.unableToContactAttempts" } });
  return typeof setting?.value === "number" && Number.isSafeInteger(setting.value) && setting.value >= 1
    ? setting.value
    : DEFAULT_UNABLE_TO_CONTACT_THRESHOLD;
}
