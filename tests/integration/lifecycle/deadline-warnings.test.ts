import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateFromDb } from "@/lib/db/dates";
import { recordSpocChasedSchema } from "@/lib/domain/forms/paper-forms";
import { getCaseView } from "@/lib/server/cases/case-view";
import { applyLifecycleAction, type LifecycleRequest } from "@/lib/server/cases/lifecycle/apply-lifecycle-action";
import { recordSpocChased } from "@/lib/server/paper-forms/record-spoc-chased";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { auditRowsFor } from "@/tests/integration/support/inspect";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/** Warnings before saving (docs/rules/clocks.md: warnings before saving), through the lifecycle use-case. */
describe("warnings the guidance implies", () => {
  let db: TestDatabase;
  let provider: Provider;
  const at = (today: string) => ({ today, now: new Date(`${today}T12:00:00Z`) });
  const step = async (caseId: string, action: LifecycleRequest["action"], input: object, today: string) => {
    const { version } = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
    return applyLifecycleAction(db.prisma, provider.actors.caseworker, { caseId, version, action, input } as LifecycleRequest, at(today));
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  it("an Initial Assessment agreed after the 10-working-day meeting deadline is refused until confirmed; the audit keeps the warning (13.17)", async () => {
    // Referred and received Mon 23 Nov 2026 → meet by Mon 7 Dec.
    const built = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "acknowledged", referralDate: "2026-11-23" });
    expect(isoDateFromDb((await db.prisma.case.findUniqueOrThrow({ where: { id: built.id } })).meetDueOn)).toBe("2026-12-07");
    const refused = await expectUseCaseError(step(built.id, "book_initial_assessment", { assessmentOn: "2026-12-08" }, "2026-11-24"), "INVALID");
    expect(refused.fieldErrors.assessmentOn).toMatch(/after the deadline to meet within 10 working days.*tick the box/);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: built.id } })).state).toBe("acknowledged");
    await step(built.id, "book_initial_assessment", { assessmentOn: "2026-12-07" }, "2026-11-24").then(() => undefined);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: built.id } })).state).toBe("assessment_booked");
  });

  it("confirmed, a late Initial Assessment is saved and the warning kept in the audit row", async () => {
    const built = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "acknowledged", referralDate: "2026-11-23" });
    const result = await step(built.id, "book_initial_assessment", { assessmentOn: "2026-12-08", confirmLate: "yes" }, "2026-11-24");
    expect(result.warnings[0]).toMatch(/13\.17/);
    const [audit] = await auditRowsFor(db.prisma, { entityId: built.id, action: "case.assessment_booked" });
    expect(audit.reason).toMatch(/after the deadline to meet/);
  });

  it("an anticipated start after the 20-working-day start deadline warns before saving (13.13)", async () => {
    // Referred Mon 23 Nov 2026 → start by Mon 21 Dec.
    const built = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "assessment_booked", referralDate: "2026-11-23" });
    const input = { heldOn: "2026-11-30", strand: "sesmp", anticipatedStartOn: "2026-12-22", anticipatedEndOn: "2027-06-30" };
    const refused = await expectUseCaseError(step(built.id, "record_assessment_recommended", input, "2026-11-30"), "INVALID");
    expect(refused.fieldErrors.anticipatedStartOn).toMatch(/after the start deadline, Monday 21 December 2026/);
    const result = await step(built.id, "record_assessment_recommended", { ...input, confirmLate: "yes" }, "2026-11-30");
    expect(result.to).toBe("recommended");
    expect(result.warnings[0]).toMatch(/13\.13/);
  });

  it("a recorded SPoC chase clears the chase: the clock is met and it is no longer the next deadline (13.14, 13.67)", async () => {
    // Received two days after the referral date, so the UCPR1 duplicate request (13.67) falls due after the forms chase (13.14).
    const built = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "acknowledged", referralDate: "2026-11-23", dates: { referralReceivedOn: "2026-11-25" } });
    const chaseBefore = (await getCaseView(db.prisma, provider.actors.caseworker, built.id, at("2026-12-01"))).clocks.find((clock) => clock.id === "forms_chase");
    expect(chaseBefore?.state).toBe("overdue");
    const { version } = await db.prisma.case.findUniqueOrThrow({ where: { id: built.id } });
    await recordSpocChased(db.prisma, provider.actors.caseworker, recordSpocChasedSchema.parse({ caseId: built.id, version: String(version), "chasedOn-day": "1", "chasedOn-month": "12", "chasedOn-year": "2026" }), "2026-12-01");
    const chaseAfter = (await getCaseView(db.prisma, provider.actors.caseworker, built.id, at("2026-12-01"))).clocks.find((clock) => clock.id === "forms_chase");
    expect(chaseAfter?.state).toMatch(/^met/);
    const row = await db.prisma.case.findUniqueOrThrow({ where: { id: built.id } });
    expect(isoDateFromDb(row.nextDeadlineOn)).not.toBe(isoDateFromDb(row.formsChaseDueOn));
  });
});
