import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { failedAttemptsSinceLastContact, type ContactOutcome } from "@/lib/domain/lifecycle/contact-attempts";
import type { LifecycleSnapshot } from "@/lib/domain/lifecycle/snapshot";
import { hasStrandReferral, STRANDS } from "@/lib/domain/lifecycle/strand-referral";
import type { PrapReferralRole } from "@/lib/domain/lifecycle/transition";
import { loadSettings } from "@/lib/server/reference/load-settings";
import { PLACE_HOLDING_STATES, provisionIsFull, SRO_PLACE_HOLDING_STATES_AFTER_REFERRAL } from "@/lib/domain/sro/introduction";

type Db = Prisma.TransactionClient | PrismaClient;

/** The provisions each PRaP referral role stands for (docs/rules/states.md "Model", layer 2). */
export const PROVISIONS_FOR_ROLE = {
  initial_assessment: ["ia_opportunity"],
  strand: STRANDS,
  single: ["ses_p2_national"],
} as const satisfies Record<PrapReferralRole, readonly string[]>;

/** The case's columns the state machine reads (its contact attempts come separately: see lifecycleSnapshotOf). */
export const LIFECYCLE_SNAPSHOT_SELECT = {
  route: true,
  ruleset: true,
  state: true,
  restrictionTier: true,
  referralDate: true,
  startedOn: true,
  meetDueOn: true,
  startDueOn: true,
  welcomeCallOn: true,
  firstMetOn: true,
  backOutEmailAt: true,
  siteId: true,
  site: { select: { capacity: true } },
  prapReferrals: { select: { provision: true } },
} as const satisfies Prisma.CaseSelect;

export type LifecycleSnapshotRow = Prisma.CaseGetPayload<{ select: typeof LIFECYCLE_SNAPSHOT_SELECT }>;

/** What the state machine needs to know about a case, read from the database. */
export async function loadLifecycleSnapshot(db: Db, caseId: string): Promise<LifecycleSnapshot> {
  const row = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { ...LIFECYCLE_SNAPSHOT_SELECT, contactAttempts: { orderBy: { attemptedAt: "asc" }, select: { outcome: true } } },
  });
  return lifecycleSnapshotOf(db, row, row.contactAttempts.map((attempt) => attempt.outcome));
}

/**
 * The snapshot of a case already read (the case page reads it once with every section's columns):
 * `contactOutcomesInOrder` are its contact attempts' outcomes, oldest first.
 */
export async function lifecycleSnapshotOf(db: Db, row: LifecycleSnapshotRow, contactOutcomesInOrder: readonly ContactOutcome[]): Promise<LifecycleSnapshot> {
  let provisionFull: boolean | null = null;
  if (row.site.capacity !== null) {
    provisionFull = provisionIsFull(row.site.capacity, await countPlacesTaken(db, row.siteId));
  }
  return {
    route: row.route,
    ruleset: row.ruleset,
    state: row.state,
    restrictionTier: row.restrictionTier,
    referralDate: isoDateFromDb(row.referralDate),
    startedOn: isoDateFromDb(row.startedOn),
    meetDueOn: isoDateFromDb(row.meetDueOn),
    startDueOn: isoDateFromDb(row.startDueOn),
    welcomeCallOn: isoDateFromDb(row.welcomeCallOn),
    firstMetOn: isoDateFromDb(row.firstMetOn),
    backOutEmailAt: row.backOutEmailAt?.toISOString() ?? null,
    hasStrandReferral: hasStrandReferral(row.prapReferrals.map((referral) => referral.provision)),
    provisionFull,
    failedContactAttempts: failedAttemptsSinceLastContact(contactOutcomesInOrder),
  };
}

/**
 * The site's places taken now (lib/domain/sro/introduction.ts PLACE_HOLDING_STATES): a count over
 * every case at the site, restricted or not — it identifies no one (13.47, 3.25).
 */
export async function countPlacesTaken(db: Db, siteId: string): Promise<number> {
  return db.case.count({
    where: {
      siteId,
      OR: [
        { state: { in: [...PLACE_HOLDING_STATES] } },
        { route: "sro_introduction", state: { in: [...SRO_PLACE_HOLDING_STATES_AFTER_REFERRAL] } },
      ],
    },
  });
}

/** docs/rules/decisions.md: the "unable to contact" threshold setting (default 3, 3.08). */
export async function loadUnableToContactThreshold(db: Db): Promise<number> {
  const settings = await loadSettings(db, ["contact.unableToContactAttempts"]);
  return settings["contact.unableToContactAttempts"];
}
