import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCaseId, userId } from "../../../lib/seed/demo-data";
import { seedDemo } from "../../../lib/seed/seed-demo";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { recordStrandReferral } from "../../../lib/server/referrals/record-strand-referral";
import { UseCaseError } from "../../../lib/server/use-case-error";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

describe("the strand referral: JCP's second PRaP referral on the UC route (13.25–13.27)", () => {
  let db: TestDatabase;
  let caseworker: UseCaseActor;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T10:00:00Z") };
  const recommended = demoCaseId("uc-recommended");
  const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof UseCaseError ? error.code : String(error)));
  const input = async (caseId: string, overrides: Partial<{ purchaseOrderNumber: string; referralId: string; referralDate: string }> = {}) => ({
    caseId,
    version: (await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).version,
    purchaseOrderNumber: "200987654",
    referralId: "PRAP-STRAND-0001",
    provisionId: "SES-MP-LDS",
    referralDate: "2026-11-23",
    ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: "2026-11-24" });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId("caseworker") } });
    caseworker = { id: user.id, roles: user.roles, organisationId: user.organisationId };
  });
  afterAll(() => db.close());

  it("refuses a purchase order of the other regime than the first referral (13.16), writing nothing", async () => {
    const before = await db.prisma.prapReferral.count({ where: { caseId: recommended } });
    expect(await codeOf(recordStrandReferral(db.prisma, caseworker, await input(recommended, { purchaseOrderNumber: "100987654" }), clock))).toBe("INVALID");
    expect(await db.prisma.prapReferral.count({ where: { caseId: recommended } })).toBe(before);
  });

  it("records it once, to the recommended strand, with an audit row; a second time is refused", async () => {
    await recordStrandReferral(db.prisma, caseworker, await input(recommended), clock);
    const strand = await db.prisma.prapReferral.findFirstOrThrow({ where: { caseId: recommended, provision: { in: ["sesmp", "sessb"] } } });
    const theCase = await db.prisma.case.findUniqueOrThrow({ where: { id: recommended } });
    expect(strand).toMatchObject({ provision: theCase.strand, regime: "uc", status: "received", purchaseOrderNumber: "200987654" });
    expect(await db.prisma.auditEvent.count({ where: { caseId: recommended, action: "prap_referral.received", entityId: strand.id } })).toBe(1);
    expect(await codeOf(recordStrandReferral(db.prisma, caseworker, await input(recommended, { purchaseOrderNumber: "200987655", referralId: "PRAP-STRAND-0002" }), clock))).toBe("INVALID");
  });

  it("refuses before the Initial Assessment has recommended a strand", async () => {
    expect(await codeOf(recordStrandReferral(db.prisma, caseworker, await input(demoCaseId("uc-referred"), { purchaseOrderNumber: "200987656", referralId: "PRAP-STRAND-0003" }), clock))).toBe("INVALID");
  });
});
