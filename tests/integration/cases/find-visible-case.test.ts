import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCaseId, userId } from "@/lib/seed/demo/index";
import { seedDemo } from "../../../lib/seed/seed-demo";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { findVisibleCase } from "../../../lib/server/cases/find-visible-case";
import { UseCaseError } from "../../../lib/server/use-case-error";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** The one loader for a case an actor may see (lib/server/cases/find-visible-case.ts; docs/security.md AC-01, LG-01, LG-03). */
describe("findVisibleCase", () => {
  let db: TestDatabase;
  const scrCase = demoCaseId("scr-referred");
  const ordinaryCase = demoCaseId("uc-referred");
  const actors = {} as Record<"caseworker" | "officer", UseCaseActor>;
  const refusals = (actor: UseCaseActor) => db.prisma.auditEvent.count({ where: { actorId: actor.id, action: "security.case_not_found" } });
  const restrictedReads = (caseId: string) => db.prisma.auditEvent.count({ where: { caseId, restrictedRead: true, action: "test.read" } });
  const answer = (promise: Promise<unknown>) =>
    promise.then(
      () => "found",
      (error: unknown) => (error instanceof UseCaseError ? `${error.code}: ${error.message}` : `threw ${String(error)}`),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: "2026-11-24" });
    for (const key of ["caseworker", "officer"] as const) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId(key) } });
      actors[key] = { id: user.id, roles: user.roles, organisationId: user.organisationId };
    }
  });
  afterAll(() => db.close());

  it("answers a malformed id, an id that never existed and a case the actor may not see alike: NOT_FOUND, each refusal logged once", async () => {
    const before = await refusals(actors.caseworker);
    const answers = await Promise.all(
      ["not-a-uuid", "------------------------------------", randomUUID(), scrCase].map((caseId) =>
        answer(findVisibleCase(db.prisma, actors.caseworker, caseId, { select: { reference: true } })),
      ),
    );
    expect(new Set(answers)).toEqual(new Set(["NOT_FOUND: That record could not be found."]));
    expect(await refusals(actors.caseworker)).toBe(before + 4);
    expect(await db.prisma.auditEvent.count({ where: { action: "security.case_not_found", entityId: scrCase, actorId: actors.caseworker.id } })).toBe(1);
  });

  it("logs nothing when asked not to (a write use-case inside its transaction)", async () => {
    const before = await refusals(actors.caseworker);
    await expect(findVisibleCase(db.prisma, actors.caseworker, scrCase, { select: {}, logRefusal: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await refusals(actors.caseworker)).toBe(before);
  });

  it("returns the selected columns with the id and restriction tier, and writes the restricted read only for a restricted case", async () => {
    const found = await findVisibleCase(db.prisma, actors.officer, scrCase, { select: { reference: true }, restrictedRead: "test.read" });
    expect(found).toEqual({ id: scrCase, restrictionTier: "scr", reference: expect.stringMatching(/^SES-\d{6}$/) });
    expect(await restrictedReads(scrCase)).toBe(1);
    await findVisibleCase(db.prisma, actors.officer, ordinaryCase, { select: {}, restrictedRead: "test.read" });
    expect(await restrictedReads(ordinaryCase)).toBe(0);
    await findVisibleCase(db.prisma, actors.officer, scrCase, { select: {} });
    expect(await restrictedReads(scrCase)).toBe(1);
  });
});
