import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { getCasePage } from "@/lib/server/case-page/get-case-page";
import { changeRestriction } from "@/lib/server/cases/change-restriction";
import { getCaseView } from "@/lib/server/cases/case-view";
import { getLifecycleCase } from "@/lib/server/cases/lifecycle/lifecycle-page";
import { listWorkQueue } from "@/lib/server/cases/list-work-queue";
import { exportDashboardList } from "@/lib/server/dashboard/export-dashboard-list";
import { getMappaAnnex } from "@/lib/server/mappa/get-mappa-annex";
import { buildUc452EmailFor } from "@/lib/server/paper-forms/build-uc452-email";
import { getFormsOverview } from "@/lib/server/paper-forms/get-forms-overview";
import { getUc452PrintView, MAPPA_MARKER_LINE } from "@/lib/server/paper-forms/get-uc452-print-view";
import { createCase, createProvider, type Provider, type StaffKey } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * H1 closed: once a nominated officer marks a case MAPPA, the claimant's telephone numbers and
 * address are gone from every view, list, search, export, print and UC452 of everyone but
 * nominated officers, and kept in the annex (13.68–13.72, 3.32–3.39;
 * docs/rules/restricted-cases.md: MAPPA contact details; docs/security.md AC-04).
 */
describe("MAPPA contact details reach nominated officers only (13.70, 13.71, 3.36, 3.37; AC-04)", () => {
  let db: TestDatabase;
  let provider: Provider;
  const TODAY = "2026-12-03";
  const clock = { today: TODAY, now: new Date("2026-12-03T12:00:00Z") };
  const PHONE = "07700 900107";
  const ALTERNATIVE = "0113 496 0107";
  const STREET = "63 Kestrel Row";
  const POSTCODE = "LS9 8QY";
  const SECRETS = [PHONE, ALTERNATIVE, STREET, POSTCODE];

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  /** A UC case with UC452 part 6 emailed-ready, its claimant's contact details recorded at intake. */
  async function ucCaseWithContactDetails() {
    const built = await createCase(db.prisma, provider, {
      route: "prap_two_stage",
      state: "recommended",
      assignedTo: provider.users.caseworker,
      claimant: { surname: `Kestrel${Date.now() % 100000}`, telephone: PHONE, address: { line1: STREET, town: "Leeds", postcode: POSTCODE } },
    });
    await db.prisma.claimant.update({ where: { id: built.claimantId }, data: { alternativeTelephone: ALTERNATIVE } });
    return built;
  }

  async function mark(caseId: string, tier: "mappa" | "none", reason: string) {
    const { version } = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
    await changeRestriction(db.prisma, provider.actors.officer, { caseId, version, tier, reason }, clock.now);
  }

  /** Everything a user can be shown of the case, as the loaders hand it to the pages and files. */
  async function everythingShownTo(actor: UseCaseActor, built: Awaited<ReturnType<typeof ucCaseWithContactDetails>>): Promise<string> {
    const attempt = async (read: () => Promise<unknown>) => {
      try {
        return JSON.stringify(await read());
      } catch (error) {
        return `refused: ${(error as { code?: string }).code ?? String(error)}`;
      }
    };
    const parts = await Promise.all([
      attempt(() => getCaseView(db.prisma, actor, built.id, clock)),
      attempt(() => getCasePage(db.prisma, actor, built.id, clock)),
      attempt(() => getLifecycleCase(db.prisma, actor, built.id)),
      attempt(() => getFormsOverview(db.prisma, actor, built.id)),
      attempt(() => getUc452PrintView(db.prisma, actor, built.id)),
      attempt(async () => (await buildUc452EmailFor(db.prisma, actor, built.id, "part_6", "uc_service_centre", clock.now)).message),
      attempt(() => listWorkQueue(db.prisma, actor, { view: "open", page: 1, today: TODAY, now: clock.now })),
      attempt(() => listWorkQueue(db.prisma, actor, { view: "search", search: built.claimant.surname, page: 1, today: TODAY, now: clock.now })),
      attempt(() => listWorkQueue(db.prisma, actor, { view: "search", search: built.claimant.nino ?? "", page: 1, today: TODAY, now: clock.now })),
      ...(["at-risk", "unassigned", "open-cases"] as const).map((list) =>
        attempt(async () => (await exportDashboardList(db.prisma, actor, { list, period: "last-12-months" }, TODAY)).csv),
      ),
    ]);
    return parts.join("\n");
  }

  it("keeps the claimant's telephone numbers and address from caseworkers, managers and administrators once marked MAPPA", async () => {
    const built = await ucCaseWithContactDetails();
    // Before the marking, the caseworker sees them (the test can fail: the needle is really there).
    expect(await everythingShownTo(provider.actors.caseworker, built)).toContain(PHONE);

    await mark(built.id, "mappa", "JCP's nominated officer phoned: MAPPA level 2");
    for (const key of ["caseworker", "caseworkerScotland", "manager", "administrator"] as StaffKey[]) {
      const shown = await everythingShownTo(provider.actors[key], built);
      for (const secret of SECRETS) expect(shown, `${key} must not see ${secret}`).not.toContain(secret);
    }
    const view = await getCaseView(db.prisma, provider.actors.caseworker, built.id, clock);
    expect(view.claimant).toMatchObject({ telephone: null, alternativeTelephone: null, address: null });
  });

  it("shows them to a nominated officer, and keeps them in the annex with the date they were given (13.70, 3.36)", async () => {
    const built = await ucCaseWithContactDetails();
    await mark(built.id, "mappa", "MAPPA case notified by JCP");
    const view = await getCaseView(db.prisma, provider.actors.officer, built.id, clock);
    expect(view.claimant.telephone).toBe(PHONE);
    expect(view.claimant.alternativeTelephone).toBe(ALTERNATIVE);
    const annex = await getMappaAnnex(db.prisma, provider.actors.officer, built.id);
    expect(annex).toMatchObject({ contactTelephone: PHONE, contactAlternativeTelephone: ALTERNATIVE, contactGivenOn: "2026-11-23" });
    expect(annex.contactAddress).toContain(STREET);
    // The audit row says that they moved, never what they are (AC-04).
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: built.id, action: "mappa_annex.contact_kept_from_referral" } });
    for (const secret of SECRETS) expect(JSON.stringify(audit.after)).not.toContain(secret);
  });

  it("brings them back when a nominated officer clears the MAPPA marking with a reason", async () => {
    const built = await ucCaseWithContactDetails();
    await mark(built.id, "mappa", "MAPPA case notified by JCP");
    await mark(built.id, "none", "JCP's nominated officer confirmed MAPPA management ended");
    const shown = await everythingShownTo(provider.actors.caseworker, built);
    expect(shown).toContain(PHONE);
    expect(shown).toContain(STREET);
  });

  it("names the provider's own nominated officers on the caseworker's MAPPA view (13.71, 3.37)", async () => {
    const built = await ucCaseWithContactDetails();
    await mark(built.id, "mappa", "MAPPA case notified by JCP");
    const view = await getCaseView(db.prisma, provider.actors.caseworker, built.id, clock);
    expect(view.nominatedOfficers).toEqual([provider.users.officer.name]);
    const ordinary = await getCaseView(db.prisma, provider.actors.caseworker, (await ucCaseWithContactDetails()).id, clock);
    expect(ordinary.nominatedOfficers).toEqual([]);
  });

  it("prints the MAPPA marker line on the UC452 of a MAPPA case, and only there (13.71)", async () => {
    const built = await ucCaseWithContactDetails();
    expect((await getUc452PrintView(db.prisma, provider.actors.caseworker, built.id)).mappaMarker).toBeNull();
    await mark(built.id, "mappa", "MAPPA case notified by JCP");
    expect((await getUc452PrintView(db.prisma, provider.actors.caseworker, built.id)).mappaMarker).toBe(MAPPA_MARKER_LINE);
  });
});
