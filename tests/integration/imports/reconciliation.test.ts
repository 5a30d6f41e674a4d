import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmImportMapping } from "@/lib/server/imports/confirm-import-mapping";
import { exportReconciliationList, getReconciliation } from "@/lib/server/imports/get-reconciliation";
import { getImportPage } from "@/lib/server/imports/get-import-page";
import { startImport } from "@/lib/server/imports/start-import";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { createCase, createProvider, uniqueNino, type Provider } from "@/tests/integration/support/builders";
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
});
