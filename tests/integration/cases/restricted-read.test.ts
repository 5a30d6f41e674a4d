import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCaseId, userId } from "../../../lib/seed/demo-data";
import { seedDemo } from "../../../lib/seed/seed-demo";
import { getCaseView } from "../../../lib/server/cases/case-view";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { UseCaseError } from "../../../lib/server/use-case-error";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

describe("reading an SCR case (docs/security.md LG-01, AC-01, LG-03)", () => {
  let db: TestDatabase;
  const scrCase = demoCaseId("scr-referred");
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };
  async function actor(key: "caseworker" | "officer"): Promise<UseCaseActor> {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId(key) } });
    return { id: user.id, roles: user.roles, organisationId: user.organisationId };
  }
  const restrictedReads = () => db.prisma.auditEvent.count({ where: { caseId: scrCase, restrictedRead: true } });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: "2026-11-24" });
  });
  afterAll(() => db.close());

  it("writes one audit row per read by a nominated officer: two views, two rows", async () => {
    const officer = await actor("officer");
    const before = await restrictedReads();
    await getCaseView(db.prisma, officer, scrCase, clock);
    await getCaseView(db.prisma, officer, scrCase, clock);
    const rows = await db.prisma.auditEvent.findMany({ where: { caseId: scrCase, restrictedRead: true }, orderBy: { id: "desc" }, take: 2 });
    expect(await restrictedReads()).toBe(before + 2);
    expect(rows.every((row) => row.actorId === officer.id && row.action === "case.restricted_read")).toBe(true);
  });

  it("answers a caseworker 'not found', writes no restricted read, and logs the refusal as a security event", async () => {
    const caseworker = await actor("caseworker");
    const before = await restrictedReads();
    const error = await getCaseView(db.prisma, caseworker, scrCase, clock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UseCaseError);
    expect((error as UseCaseError).code).toBe("NOT_FOUND");
    expect(await restrictedReads()).toBe(before);
    expect(await db.prisma.auditEvent.count({ where: { actorId: caseworker.id, action: "security.case_not_found", entityId: scrCase } })).toBe(1);
  });

  it("writes no restricted-read row for an ordinary case", async () => {
    await getCaseView(db.prisma, await actor("caseworker"), demoCaseId("uc-referred"), clock);
    expect(await db.prisma.auditEvent.count({ where: { caseId: demoCaseId("uc-referred"), restrictedRead: true } })).toBe(0);
  });
});
