import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCaseId, userId, type DemoUserKey } from "@/lib/seed/demo/index";
import { seedDemo } from "../../../lib/seed/seed-demo";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { getCaseView } from "../../../lib/server/cases/case-view";
import { getCasePage } from "../../../lib/server/case-page/get-case-page";
import { getFormsOverview } from "../../../lib/server/paper-forms/get-forms-overview";
import { getSl2View } from "../../../lib/server/scr/get-sl2-view";
import { getSessro1View } from "../../../lib/server/sro/get-sessro1-view";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** The case page reads the case once and builds every section from that read (lib/server/case-page/get-case-page.ts). */
describe("getCasePage", () => {
  let db: TestDatabase;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };
  const actors = {} as Record<DemoUserKey, UseCaseActor>;
  const reads = (caseId: string) => db.prisma.auditEvent.findMany({ where: { caseId, restrictedRead: true }, select: { action: true } });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: clock.today });
    for (const key of ["caseworker", "officer", "manager"] as const) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId(key) } });
      actors[key] = { id: user.id, roles: user.roles, organisationId: user.organisationId };
    }
  });
  afterAll(() => db.close());

  it("shows a Universal Credit case with its paper trail, as the sections' own loaders see it", async () => {
    const caseId = demoCaseId("uc-recommended");
    const page = await getCasePage(db.prisma, actors.caseworker, caseId, clock);
    expect(page.view).toEqual(await getCaseView(db.prisma, actors.caseworker, caseId, clock));
    expect(page.forms).toEqual(await getFormsOverview(db.prisma, actors.caseworker, caseId));
    expect(page.sl2).toBeNull();
    expect(page.sessro1).toBeNull();
    expect(page.caseworkers.map((caseworker) => caseworker.id)).toContain(actors.caseworker.id);
  });

  it("shows an SCR case's SL2 to a nominated officer, with one restricted-read row for the page (LG-01)", async () => {
    const caseId = demoCaseId("scr-referred");
    const before = (await reads(caseId)).length;
    const page = await getCasePage(db.prisma, actors.officer, caseId, clock);
    expect(await reads(caseId)).toHaveLength(before + 1);
    expect((await reads(caseId)).at(-1)).toEqual({ action: "case.restricted_read" });
    expect(page.sl2).toEqual(await getSl2View(db.prisma, actors.officer, caseId, null));
    expect(page.forms).toBeNull();
  });

  it("shows an SRO introduction's SESSRO1", async () => {
    const caseId = demoCaseId("sro-accepted");
    const page = await getCasePage(db.prisma, actors.caseworker, caseId, clock);
    expect(page.sessro1).toEqual(await getSessro1View(db.prisma, actors.caseworker, caseId));
  });

  it("answers a caseworker NOT_FOUND for an SCR case and logs the refusal once (AC-01, LG-03)", async () => {
    const caseId = demoCaseId("scr-referred");
    const refusals = () => db.prisma.auditEvent.count({ where: { actorId: actors.caseworker.id, action: "security.case_not_found", entityId: caseId } });
    const before = await refusals();
    await expect(getCasePage(db.prisma, actors.caseworker, caseId, clock)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await refusals()).toBe(before + 1);
  });

  // The overview (app/(signed-in)/cases/[caseId]/page.tsx) leaves out what only other sections show.
  const overview = { timeline: false, caseworkers: false, notes: false, contacts: false, sl2: false } as const;
  for (const [name, key, who] of [
    ["a Universal Credit case", "uc-recommended", "caseworker"],
    ["an SCR case, for a nominated officer", "scr-referred", "officer"],
    ["an SRO introduction", "sro-accepted", "caseworker"],
  ] as const) {
    it(`shows on the overview of ${name} all it showed when it read every section, without the notes, contacts and SL2`, async () => {
      const caseId = demoCaseId(key);
      const everySection = await getCasePage(db.prisma, actors[who], caseId, clock, { timeline: false, caseworkers: false });
      const before = (await reads(caseId)).length;
      const page = await getCasePage(db.prisma, actors[who], caseId, clock, overview);
      expect(page).toEqual({ ...everySection, view: { ...everySection.view, notes: [], contacts: [] }, sl2: null });
      // The read of a restricted case is audited as before (LG-01): one row for the page, one more for a SESSRO1 shown.
      expect((await reads(caseId)).length - before).toBe(key === "scr-referred" ? 1 : 0);
    });
  }

  it("offers no caseworkers to someone who may not assign", async () => {
    expect((await getCasePage(db.prisma, actors.manager, demoCaseId("uc-referred"), clock)).caseworkers).toEqual([]);
  });
});
