import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCaseId, userId } from "../../../lib/seed/demo-data";
import { seedDemo } from "../../../lib/seed/seed-demo";
import { listWorkQueue } from "../../../lib/server/cases/list-work-queue";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

describe("case search: name, NINO, purchase order number, reference — through the visibility rule", () => {
  let db: TestDatabase;
  let caseworker: UseCaseActor;
  let officer: UseCaseActor;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };

  async function actor(key: "caseworker" | "officer"): Promise<UseCaseActor> {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId(key) } });
    return { id: user.id, roles: user.roles, organisationId: user.organisationId };
  }
  const search = async (who: UseCaseActor, term: string) =>
    (await listWorkQueue(db.prisma, who, { view: "search", page: 1, search: term, ...clock })).rows.map((row) => row.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: "2026-11-24" });
    [caseworker, officer] = await Promise.all([actor("caseworker"), actor("officer")]);
  });
  afterAll(() => db.close());

  it("finds by NINO in any case and spacing, by purchase order number, and by reference", async () => {
    const target = await db.prisma.case.findUniqueOrThrow({
      where: { id: demoCaseId("uc-recommended") },
      select: { reference: true, claimant: { select: { nino: true } }, prapReferrals: { select: { purchaseOrderNumber: true } } },
    });
    const nino = target.claimant.nino!;
    const spaced = `${nino.slice(0, 2)} ${nino.slice(2, 4)} ${nino.slice(4, 6)} ${nino.slice(6, 8)} ${nino.slice(8)}`.toLowerCase();
    expect(await search(caseworker, spaced)).toEqual([demoCaseId("uc-recommended")]);
    expect(await search(caseworker, target.prapReferrals[0].purchaseOrderNumber)).toEqual([demoCaseId("uc-recommended")]);
    expect(await search(caseworker, target.reference.replace("SES-0000", "ses-"))).toEqual([demoCaseId("uc-recommended")]);
  });

  it("finds by part of a name, any case, all words must match", async () => {
    expect(await search(caseworker, "nowick")).toContain(demoCaseId("uc-recommended"));
    expect(await search(caseworker, "tomasz nowicki")).toEqual([demoCaseId("uc-recommended")]);
    expect(await search(caseworker, "tomasz zzzz")).toEqual([]);
  });

  it("never returns an SCR case to a caseworker, but does to a nominated officer (AC-02)", async () => {
    expect(await search(caseworker, "Harker")).toEqual([]);
    expect(await search(officer, "Harker")).toEqual([demoCaseId("scr-referred")]);
  });
});
