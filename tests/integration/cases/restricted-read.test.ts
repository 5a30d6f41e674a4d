import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCaseView } from "@/lib/server/cases/case-view";
import { UseCaseError } from "@/lib/server/use-case-error";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

describe("reading an SCR case (docs/security.md LG-01, AC-01, LG-03)", () => {
  let db: TestDatabase;
  let provider: Provider;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };
  const restrictedReads = (caseId: string) => db.prisma.auditEvent.count({ where: { caseId, restrictedRead: true } });

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  it("writes one audit row per read by a nominated officer: two views, two rows", async () => {
    const scrCase = await createCase(db.prisma, provider, { route: "scr_clerical" });
    const { officer } = provider.actors;
    await getCaseView(db.prisma, officer, scrCase.id, clock);
    await getCaseView(db.prisma, officer, scrCase.id, clock);
    const rows = await db.prisma.auditEvent.findMany({ where: { caseId: scrCase.id, restrictedRead: true }, orderBy: { id: "desc" }, take: 2 });
    expect(await restrictedReads(scrCase.id)).toBe(2);
    expect(rows.every((row) => row.actorId === officer.id && row.action === "case.restricted_read")).toBe(true);
  });

  it("answers a caseworker 'not found', writes no restricted read, and logs the refusal as a security event", async () => {
    const scrCase = await createCase(db.prisma, provider, { route: "scr_clerical" });
    const { caseworker } = provider.actors;
    const error = await getCaseView(db.prisma, caseworker, scrCase.id, clock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UseCaseError);
    expect((error as UseCaseError).code).toBe("NOT_FOUND");
    expect(await restrictedReads(scrCase.id)).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { actorId: caseworker.id, action: "security.case_not_found", entityId: scrCase.id } })).toBe(1);
  });

  it("writes no restricted-read row for an ordinary case", async () => {
    const ordinary = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
    await getCaseView(db.prisma, provider.actors.caseworker, ordinary.id, clock);
    expect(await restrictedReads(ordinary.id)).toBe(0);
  });
});
