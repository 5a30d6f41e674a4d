import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmImportMapping } from "@/lib/server/imports/confirm-import-mapping";
import { listExpectedReferrals } from "@/lib/server/expected-referrals/list-expected-referrals";
import { expectFromReconciliationRow } from "@/lib/server/imports/expect-from-reconciliation";
import { exportReconciliationList, getReconciliation } from "@/lib/server/imports/get-reconciliation";
import { getImportPage } from "@/lib/server/imports/get-import-page";
import { startImport } from "@/lib/server/imports/start-import";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { createCase, createProvider, uniqueNino, type Provider } from "@/tests/integration/support/builders";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * Reconciling the monthly referral spreadsheet (docs/decisions/0023-bulk-import-and-expected-referrals.md):
 * creates nothing, saves four lists with the file's checksum, and never reveals an SCR case (AC-02).
 */
let db: TestDatabase;
let provider: Provider;
const NOW = new Date("2026-12-03T12:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
});
afterAll(() => db?.close());

async function reconcileFile(actor: UseCaseActor, text: string) {
  const { importId } = await startImport(db.prisma, actor, { kind: "monthly", siteId: provider.sites.england.id, fileName: "monthly.csv", bytes: new TextEncoder().encode(text) });
  const page = await getImportPage(db.prisma, actor, importId);
  const { reconciliationId } = await confirmImportMapping(db.prisma, actor, { importId, version: page.version, mapping: page.mapping, saveAs: "Monthly" }, NOW);
  return reconciliationId as string;
}

describe("reconciliation of the monthly referral spreadsheet", () => {
  it("sorts rows into the four lists, creates nothing, and hides SCR cases from a caseworker (AC-02)", async () => {
    const matchedNino = uniqueNino();
    const matched = await createCase(db.prisma, provider, { route: "prap_single", referralDate: "2026-10-05", claimant: { nino: matchedNino } });
    const differing = await createCase(db.prisma, provider, { route: "prap_single", referralDate: "2026-10-06", claimant: { nino: uniqueNino() } });
    const unlisted = await createCase(db.prisma, provider, { route: "prap_single", referralDate: "2026-10-07", claimant: { nino: uniqueNino() } });
    const scrNino = uniqueNino();
    const scr = await createCase(db.prisma, provider, { route: "prap_single", restrictionTier: "scr", referralDate: "2026-10-08", claimant: { nino: scrNino } });
    const casesBefore = await db.prisma.case.count();
    const text = [
      "NINO,Forename,Surname,Referral date,PO number,Site",
      `${matchedNino},${matched.claimant.forename},${matched.claimant.surname},05/10/2026,${matched.prapReferrals[0].purchaseOrderNumber},Leeds`,
      `${differing.claimant.nino},${differing.claimant.forename},${differing.claimant.surname},09/10/2026,,Leeds`,
      `${uniqueNino()},Nobody,Known,10/10/2026,,Leeds`,
      `${scrNino},${scr.claimant.forename},${scr.claimant.surname},08/10/2026,,Leeds`,
    ].join("\n");
    const reconciliationId = await reconcileFile(provider.actors.caseworker, text);
    expect(await db.prisma.case.count()).toBe(casesBefore);

    const view = await getReconciliation(db.prisma, provider.actors.caseworker, reconciliationId);
    expect(view.lists.matched.map((row) => row.caseId)).toEqual([matched.id]);
    expect(view.lists.differences.map((row) => [row.caseId, row.differences[0]])).toEqual([[differing.id, "Referral date: 2026-10-09 in the spreadsheet, 2026-10-06 on the case"]]);
    expect(view.lists.noCase.map((row) => row.rowNumber)).toEqual([4, 5]);
    const listedIds = view.lists.caseNoRow.map((row) => row.caseId);
    expect(listedIds).toContain(unlisted.id);
    expect(listedIds).not.toContain(scr.id);
    expect(JSON.stringify(view)).not.toContain(scr.reference);

    const saved = await db.prisma.reconciliation.findUniqueOrThrow({ where: { id: reconciliationId } });
    expect(saved.checksum).toMatch(/^[0-9a-f]{64}$/);
    const csv = await exportReconciliationList(db.prisma, provider.actors.caseworker, reconciliationId, "noCase");
    expect(csv.csv.trim().split(/\r\n/)).toHaveLength(3);
    expect(await db.prisma.importMapping.count({ where: { organisationId: provider.organisation.id, kind: "monthly", name: "Monthly" } })).toBe(1);
  });

  // 3.05: NINO, then name + date of birth, then DEA/Work Coach + date; the rule used is shown.
  it("matches a row with no NINO by name and date of birth (an Excel serial), and says so", async () => {
    const named = await createCase(db.prisma, provider, { route: "prap_single", referralDate: "2026-09-07", claimant: { nino: uniqueNino(), forename: "Dana" } });
    await db.prisma.claimant.update({ where: { id: named.claimantId }, data: { dateOfBirth: new Date("1980-03-27T00:00:00Z") } });
    const text = [
      "NINO,Forename,Surname,Date of birth,Referral date,Site",
      `,Dana,${named.claimant.surname},29307,07/09/2026,Leeds`,
      `,Dana,${named.claimant.surname},28/03/1980,07/09/2026,Leeds`,
    ].join("\n");
    const view = await getReconciliation(db.prisma, provider.actors.caseworker, await reconcileFile(provider.actors.caseworker, text));
    expect(view.lists.matched.map((row) => [row.rowNumber, row.caseId, row.rule])).toEqual([[2, named.id, "name_and_date_of_birth"]]);
    expect(view.lists.noCase.map((row) => row.rowNumber)).toEqual([3]);
    const csv = await exportReconciliationList(db.prisma, provider.actors.caseworker, view.id, "matched");
    expect(csv.csv).toContain("Name and date of birth");
    expect(view.summary.find((entry) => entry.list === "matched")).toMatchObject({ count: 1, bySite: [["Leeds", 1]], byMonth: [["2026-09", 1]] });
  });

  it("one click on a row with no case records an expected referral prefilled from the row, once however often it is clicked, audited", async () => {
    const nino = uniqueNino();
    const text = ["NINO,Forename,Surname,Date of birth,Referral date,Work coach,Site", `${nino},Missing,Person,03/04/1965,12/11/2026,Wendy Coach,Leeds`].join("\n");
    const reconciliationId = await reconcileFile(provider.actors.caseworker, text);
    const clicks = await Promise.all([0, 1, 2].map(() => expectFromReconciliationRow(db.prisma, provider.actors.caseworker, { reconciliationId, rowNumber: 2 }, NOW)));
    expect(new Set(clicks.map((click) => click.id)).size).toBe(1);
    expect(clicks.filter((click) => click.created)).toHaveLength(1);
    const again = await expectFromReconciliationRow(db.prisma, provider.actors.caseworker, { reconciliationId, rowNumber: 2 }, NOW);
    expect(again).toEqual({ id: clicks[0].id, created: false });
    const made = await db.prisma.expectedReferral.findMany({ where: { reconciliationId } });
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ forename: "Missing", surname: "Person", nino, handoverName: "Wendy Coach", handoverRole: null, status: "expected", siteId: provider.sites.england.id });
    expect(made[0].dateOfBirth?.toISOString().slice(0, 10)).toBe("1965-04-03");
    expect(made[0].calledOn.toISOString().slice(0, 10)).toBe("2026-11-12");
    expect(await db.prisma.auditEvent.count({ where: { entityId: made[0].id, action: "expected_referral.recorded" } })).toBe(1);
    // It is then an expected referral like any other: chased as missing, and shown so on the reconciliation.
    const lines = await listExpectedReferrals(db.prisma, provider.actors.caseworker, "2026-12-03");
    expect(lines.find((line) => line.id === made[0].id)).toMatchObject({ missing: true, handoverRole: null });
    // A row that is not in "no case" (or not in the reconciliation) is not found.
    await expectUseCaseError(expectFromReconciliationRow(db.prisma, provider.actors.caseworker, { reconciliationId, rowNumber: 3 }, NOW), "NOT_FOUND");
  });
});

