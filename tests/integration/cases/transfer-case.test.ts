import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateFromDb } from "@/lib/db/dates";
import { getCasePage } from "@/lib/server/case-page/get-case-page";
import { transferCase } from "@/lib/server/cases/transfer-case";
import { actorFor, createCase, createProvider, createUserRow, type Provider } from "@/tests/integration/support/builders";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * Moving a case to another site (docs/decisions/0016-case-page-circumstances-and-transfer.md): the
 * due dates recompute in the new nation's working days, the move is audited with every date that
 * moved, and only the case's caseworker, a manager of either site or (SCR/MAPPA) a nominated officer may.
 */
describe("transfer to another site", () => {
  let db: TestDatabase;
  let provider: Provider;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") } as const;
  // Referred Monday 23 November 2026: the 20-working-day start (13.13) crosses St Andrew's Day
  // (Monday 30 November), a bank holiday in Scotland only, so the Scottish date is a day later.
  const scottishCase = () =>
    createCase(db.prisma, provider, { state: "referred", site: provider.sites.scotland, assignedTo: provider.users.caseworkerScotland, referralDate: "2026-11-23" });

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  it("recomputes the due dates in the new nation's working days and audits the site and each date that moved (13.13)", async () => {
    const theCase = await scottishCase();
    const startBefore = isoDateFromDb(theCase.startDueOn);

    await transferCase(db.prisma, provider.actors.caseworkerScotland, { caseId: theCase.id, version: theCase.version, siteId: provider.sites.england.id, reason: "Moved to Leeds" });

    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: theCase.id } });
    expect(after.siteId).toBe(provider.sites.england.id);
    expect(after.version).toBe(theCase.version + 1);
    const startAfter = isoDateFromDb(after.startDueOn);
    expect(startAfter! < startBefore!).toBe(true);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: theCase.id, action: "case.transferred" } });
    expect(audit).toMatchObject({
      actorId: provider.actors.caseworkerScotland.id,
      reason: "Moved to Leeds",
      before: { site: `${provider.sites.scotland.name} (Scotland)`, startDueOn: startBefore },
      after: { site: `${provider.sites.england.name} (England and Wales)`, startDueOn: startAfter },
    });

    const page = await getCasePage(db.prisma, provider.actors.caseworkerScotland, theCase.id, clock);
    expect(page.view.lastTransfer).toMatchObject({ from: `${provider.sites.scotland.name} (Scotland)`, to: `${provider.sites.england.name} (England and Wales)` });
    expect(page.view.timeline[0].title).toBe("Transferred to another site");
    expect(page.view.timeline[0].details).toContain("Reason: Moved to Leeds");
    const start = page.view.clocks.find((item) => item.id === "start")!;
    expect(start.dueOn).toBe(startAfter);
    expect(start.explanation.join(" ")).toMatch(/England and Wales/);
  });

  it("refuses a stale transfer and moves nothing", async () => {
    const theCase = await scottishCase();
    await expectUseCaseError(
      transferCase(db.prisma, provider.actors.caseworkerScotland, { caseId: theCase.id, version: theCase.version + 1, siteId: provider.sites.england.id, reason: "Moved" }),
      "STALE",
    );
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: theCase.id } })).siteId).toBe(provider.sites.scotland.id);
  });

  it("lets the caseworker or a manager of either site move it, and nobody else", async () => {
    const otherManagerUser = await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["manager"], siteId: null, name: "Manager without a site" });
    const englandManager = actorFor(await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["manager"], siteId: provider.sites.england.id, name: "Leeds manager" }));
    const theCase = await scottishCase();
    const move = (actor = provider.actors.caseworker) => transferCase(db.prisma, actor, { caseId: theCase.id, version: theCase.version, siteId: provider.sites.england.id, reason: "Moved" });

    await expectUseCaseError(move(provider.actors.caseworker), "FORBIDDEN"); // not this case's caseworker
    await expectUseCaseError(move(actorFor(otherManagerUser)), "FORBIDDEN"); // a manager of neither site
    await move(englandManager); // the manager of the site it joins
    expect(await db.prisma.auditEvent.count({ where: { caseId: theCase.id, action: "case.transferred", actorId: englandManager.id } })).toBe(1);
  });

  it("leaves SCR and MAPPA cases to nominated officers (13.77, 13.71)", async () => {
    for (const restrictionTier of ["mappa", "scr"] as const) {
      const theCase = await createCase(db.prisma, provider, {
        route: restrictionTier === "scr" ? "scr_clerical" : "prap_two_stage",
        state: "referred",
        restrictionTier,
        assignedTo: restrictionTier === "scr" ? provider.users.officer : provider.users.caseworker,
      });
      const input = { caseId: theCase.id, version: theCase.version, siteId: provider.sites.scotland.id, reason: "Moved" };
      if (restrictionTier === "mappa") await expectUseCaseError(transferCase(db.prisma, provider.actors.caseworker, input), "FORBIDDEN");
      await transferCase(db.prisma, provider.actors.officer, input);
      expect((await db.prisma.case.findUniqueOrThrow({ where: { id: theCase.id } })).siteId).toBe(provider.sites.scotland.id);
    }
  });

  it("refuses another organisation's site and the site the case is already at", async () => {
    const theCase = await scottishCase();
    const base = { caseId: theCase.id, version: theCase.version, reason: "Moved" };
    const error = await expectUseCaseError(transferCase(db.prisma, provider.actors.caseworkerScotland, { ...base, siteId: provider.sites.scotland.id }), "INVALID");
    expect(error.fieldErrors.siteId).toMatch(/already at/);
    await expectUseCaseError(transferCase(db.prisma, provider.actors.caseworkerScotland, { ...base, siteId: crypto.randomUUID() }), "INVALID");
  });
});
