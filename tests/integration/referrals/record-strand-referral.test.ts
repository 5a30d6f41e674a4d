import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordStrandReferral } from "@/lib/server/referrals/record-strand-referral";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { codeOf } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

describe("the strand referral: JCP's second PRaP referral on the UC route (13.25–13.27)", () => {
  let db: TestDatabase;
  let provider: Provider;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T10:00:00Z") };
  /** Recommended for SESMP at the Initial Assessment, the strand referral not yet in (13.25). */
  const recommendedCase = async () => (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "recommended", strand: "sesmp", referralDate: "2026-11-09" })).id;
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
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  it("refuses a purchase order of the other regime than the first referral (13.16), writing nothing", async () => {
    const recommended = await recommendedCase();
    const before = await db.prisma.prapReferral.count({ where: { caseId: recommended } });
    expect(await codeOf(recordStrandReferral(db.prisma, provider.actors.caseworker, await input(recommended, { purchaseOrderNumber: "100987654" }), clock))).toBe("INVALID");
    expect(await db.prisma.prapReferral.count({ where: { caseId: recommended } })).toBe(before);
  });

  it("records it once, to the recommended strand, with an audit row; a second time is refused", async () => {
    const { caseworker } = provider.actors;
    const recommended = await recommendedCase();
    await recordStrandReferral(db.prisma, caseworker, await input(recommended), clock);
    const strand = await db.prisma.prapReferral.findFirstOrThrow({ where: { caseId: recommended, provision: { in: ["sesmp", "sessb"] } } });
    const theCase = await db.prisma.case.findUniqueOrThrow({ where: { id: recommended } });
    expect(strand).toMatchObject({ provision: theCase.strand, regime: "uc", status: "received", purchaseOrderNumber: "200987654" });
    expect(await db.prisma.auditEvent.count({ where: { caseId: recommended, action: "prap_referral.received", entityId: strand.id } })).toBe(1);
    expect(await codeOf(recordStrandReferral(db.prisma, caseworker, await input(recommended, { purchaseOrderNumber: "200987655", referralId: "PRAP-STRAND-0002" }), clock))).toBe("INVALID");
  });

  it("refuses before the Initial Assessment has recommended a strand", async () => {
    const referred = (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" })).id;
    expect(await codeOf(recordStrandReferral(db.prisma, provider.actors.caseworker, await input(referred, { purchaseOrderNumber: "200987656", referralId: "PRAP-STRAND-0003" }), clock))).toBe("INVALID");
  });
});
