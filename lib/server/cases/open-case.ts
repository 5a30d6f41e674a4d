import { formatCaseReference, type CaseReferenceSeries } from "@/lib/domain/case-reference";
import type { Prisma } from "@/lib/db/prisma";
import { recordAudit } from "../audit/record-audit";
import type { UseCaseActor } from "../assert-can";
import { recomputeCaseDueDates } from "./recompute-case-due-dates";

type Tx = Prisma.TransactionClient;

export interface OpenCaseInput {
  /** The reference series: "scr" for an SCR case opened from an SL2, "ordinary" for every other case. */
  series: CaseReferenceSeries;
  /** The claimant as the referral, introduction or SL2 describes them (13.61–13.64, 3.33). */
  claimant: Prisma.ClaimantCreateInput;
  /** The case's own columns; its reference, claimant, organisation, creator and caseworker are set here. */
  case: Omit<Prisma.CaseUncheckedCreateInput, "reference" | "claimantId" | "organisationId" | "createdById" | "assignedCaseworkerId">;
  /** Who the case came from: the Work Coach or DEA (13.11), the SRO (13.42), the JCP nominated officer (13.54). */
  counterparty: Omit<Prisma.ContactUncheckedCreateInput, "caseId">;
  /** The caseworker who holds the case from the start, if any; the assignment is recorded too. */
  assignedCaseworkerId: string | null;
  /**
   * The route's own record — the PRaP referral, the SESSRO1, the SL2 — written right after the
   * case. Returns what the case.created audit row adds: ids and codes only, never personal data
   * (docs/security.md LG-05).
   */
  attach(tx: Tx, caseId: string): Promise<Record<string, Prisma.InputJsonValue | null>>;
}

export interface OpenedCase {
  caseId: string;
  reference: string;
}

/** The next reference of a series, from its database sequence (prisma/migrations/…_case_reference_sequences). */
async function nextCaseReference(tx: Tx, series: CaseReferenceSeries): Promise<string> {
  const [{ next }] =
    series === "scr"
      ? await tx.$queryRaw<{ next: bigint }[]>`SELECT nextval('scr_case_reference_seq') AS "next"`
      : await tx.$queryRaw<{ next: bigint }[]>`SELECT nextval('case_reference_seq') AS "next"`;
  return formatCaseReference(series, next);
}

/**
 * Open a case, inside the caller's transaction, the one way every route does (PRaP intake, SRO
 * introduction, SL2): the claimant, the case with the next reference of its series, the route's
 * own record, the counterparty contact, the assignment, the stored due dates
 * (docs/architecture.md: deadlines are derived from events) and the case.created audit row
 * (docs/security.md LG-02) — all committed or rolled back together.
 *
 * The reference comes from a sequence, so two cases opened at once never draw the same number
 * and nothing is retried. A sequence does not roll back: a transaction that fails after drawing a
 * number leaves that number unused. The callers therefore make every check before they open the
 * case, and serialise duplicate submissions before they check (prap-referral-rules.ts,
 * record-sro-introduction.ts, create-scr-case.ts).
 */
export async function openCase(tx: Tx, actor: UseCaseActor, input: OpenCaseInput, now: Date): Promise<OpenedCase> {
  const claimant = await tx.claimant.create({ data: input.claimant, select: { id: true } });
  const reference = await nextCaseReference(tx, input.series);
  const { assignedCaseworkerId } = input;
  const created = await tx.case.create({
    data: { ...input.case, reference, organisationId: actor.organisationId, claimantId: claimant.id, assignedCaseworkerId, createdById: actor.id },
    select: { id: true },
  });
  const recorded = await input.attach(tx, created.id);
  await tx.contact.create({ data: { ...input.counterparty, caseId: created.id } });
  if (assignedCaseworkerId) {
    await tx.caseAssignment.create({ data: { caseId: created.id, caseworkerId: assignedCaseworkerId, assignedById: actor.id, assignedAt: now } });
  }
  await recomputeCaseDueDates(tx, created.id);
  await recordAudit(tx, actor, {
    action: "case.created",
    entityType: "Case",
    entityId: created.id,
    caseId: created.id,
    after: {
      reference,
      route: input.case.route,
      ruleset: input.case.ruleset,
      state: input.case.state ?? null,
      siteId: input.case.siteId,
      ...recorded,
      assignedCaseworkerId,
    },
  });
  return { caseId: created.id, reference };
}
