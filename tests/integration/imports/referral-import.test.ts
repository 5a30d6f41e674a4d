import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport, continueImport } from "@/lib/server/imports/continue-import";
import { confirmImportMapping } from "@/lib/server/imports/confirm-import-mapping";
import { exportImportReport } from "@/lib/server/imports/export-import-report";
import { getImportPage } from "@/lib/server/imports/get-import-page";
import { startImport } from "@/lib/server/imports/start-import";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { csvOf, prapRow, PRAP_HEADERS, xlsxOf } from "./import-fixtures";

/**
 * Bulk import of PRaP referrals (docs/decisions/0023-bulk-import-and-expected-referrals.md): the
 * preview creates nothing, the commit creates each valid row through the intake's own core in
 * batches, every row is accounted for once, and importing the same file again creates nothing.
 */
let db: TestDatabase;
let provider: Provider;
const NOW = new Date("2026-12-03T12:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
});
afterAll(() => db?.close());

async function upload(actor: UseCaseActor, bytes: Uint8Array, kind: "prap" | "monthly" = "prap") {
  return startImport(db.prisma, actor, { kind, siteId: provider.sites.england.id, fileName: "referrals.csv", bytes });
}

async function preview(actor: UseCaseActor, importId: string) {
  const page = await getImportPage(db.prisma, actor, importId);
  await confirmImportMapping(db.prisma, actor, { importId, version: page.version, mapping: page.mapping, saveAs: null }, NOW);
  return getImportPage(db.prisma, actor, importId);
}

async function commitAll(actor: UseCaseActor, importId: string, batchSize = 2) {
  const page = await getImportPage(db.prisma, actor, importId);
  await commitImport(db.prisma, actor, { importId, version: page.version });
  for (let guard = 0; guard < 100; guard += 1) {
    const progress = await continueImport(db.prisma, importId, NOW, batchSize);
    if (progress.done) break;
  }
  return getImportPage(db.prisma, actor, importId);
}

describe("preview (dry run)", () => {
  it("checks every row with the intake's schema and messages, finds duplicates, and creates nothing", async () => {
    const existing = await createCase(db.prisma, provider, { route: "prap_single" });
    const good = prapRow();
    const noSurname = prapRow({ surname: "" });
    const sameAsGood = prapRow({ po: good.po });
    const alreadyRecorded = prapRow({ po: existing.prapReferrals[0].purchaseOrderNumber });
    const badDate = prapRow({ referralDate: "31/02/2026" });
    const casesBefore = await db.prisma.case.count();
    const { importId } = await upload(provider.actors.caseworker, csvOf([good, noSurname, sameAsGood, alreadyRecorded, badDate]));
    const page = await preview(provider.actors.caseworker, importId);
    expect(page.counts).toMatchObject({ ready: 1, invalid: 2, duplicate: 2 });
    const problemsOf = (row: number) => page.problemRows.find((line) => line.rowNumber === row)?.problems ?? [];
    expect(problemsOf(3)).toContainEqual({ column: "Surname", message: "Enter the claimant’s surname" });
    expect(problemsOf(4)[0].message).toBe(`Purchase order ${good.po} is also on row 2 of this file`);
    expect(problemsOf(5)[0].message).toBe(`Purchase order ${alreadyRecorded.po} is already recorded on case ${existing.reference}`);
    expect(problemsOf(6)).toContainEqual({ column: "Referral date", message: "Referral date must be a real date" });
    expect(await db.prisma.case.count()).toBe(casesBefore);
  });
});

describe("commit", () => {
  it("creates the valid rows in batches with due dates and the import on each case's timeline, accounting for every row once", async () => {
    const rows = [prapRow(), prapRow(), prapRow({ surname: "" }), prapRow(), prapRow()];
    const { importId } = await upload(provider.actors.caseworker, csvOf(rows));
    await preview(provider.actors.caseworker, importId);
    const page = await commitAll(provider.actors.caseworker, importId, 2);
    expect(page.status).toBe("committed");
    expect(page.counts).toMatchObject({ created: 4, failed: 1, skipped: 0 });
    const created = await db.prisma.referralImportRow.findMany({ where: { importId, outcome: "created" }, select: { caseId: true } });
    const cases = await db.prisma.case.findMany({ where: { id: { in: created.map((row) => row.caseId as string) } }, include: { prapReferrals: true, contacts: true } });
    expect(cases).toHaveLength(4);
    for (const opened of cases) {
      expect(opened.ruleset).toBe("ses_2017");
      expect(opened.startDueOn).not.toBeNull();
      expect(opened.assignedCaseworkerId).toBe(provider.users.caseworker.id);
      expect(opened.contacts[0]).toMatchObject({ role: "work_coach", name: "Sam Coach" });
    }
    const audit = await db.prisma.auditEvent.findMany({ where: { caseId: { in: cases.map((row) => row.id) } }, select: { action: true, entityId: true } });
    expect(audit.filter((row) => row.action === "case.created")).toHaveLength(4);
    expect(audit.filter((row) => row.action === "case.imported" && row.entityId === importId)).toHaveLength(4);

    const report = await exportImportReport(db.prisma, provider.actors.caseworker, importId);
    const lines = report.csv.replace(/^\uFEFF/, "").trim().split(/\r\n/);
    expect(lines).toHaveLength(1 + rows.length);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["2", "3", "4", "5", "6"]);
    expect(lines[3]).toContain("Failed");
  });

  it("re-importing the same file creates nothing new and says so", async () => {
    const bytes = csvOf([prapRow(), prapRow()]);
    const first = await upload(provider.actors.caseworker, bytes);
    await preview(provider.actors.caseworker, first.importId);
    await commitAll(provider.actors.caseworker, first.importId);
    const casesBefore = await db.prisma.case.count();
    const second = await upload(provider.actors.caseworker, bytes);
    expect(second.importId).not.toBe(first.importId);
    const page = await preview(provider.actors.caseworker, second.importId);
    expect(page.earlierImport?.id).toBe(first.importId);
    expect(page.counts).toMatchObject({ ready: 0, duplicate: 2 });
    const done = await commitAll(provider.actors.caseworker, second.importId);
    expect(done.counts).toMatchObject({ created: 0, skipped: 2 });
    expect(await db.prisma.case.count()).toBe(casesBefore);
  });

  it("a row with an SCR participant's NINO is created restricted and alerted, and the importer is told nothing different (AC-02)", async () => {
    const scr = await createCase(db.prisma, provider, { route: "scr_clerical" });
    const row = prapRow({ nino: scr.claimant.nino as string });
    const plain = prapRow();
    const { importId } = await upload(provider.actors.caseworker, csvOf([row, plain]));
    const page = await preview(provider.actors.caseworker, importId);
    expect(page.counts).toMatchObject({ ready: 2, duplicate: 0 });
    const done = await commitAll(provider.actors.caseworker, importId);
    expect(done.counts).toMatchObject({ created: 2 });
    const outcomes = await db.prisma.referralImportRow.findMany({ where: { importId }, orderBy: { rowNumber: "asc" } });
    expect(outcomes.map((line) => [line.outcome, line.problems])).toEqual([
      ["created", null],
      ["created", null],
    ]);
    const restricted = await db.prisma.case.findUniqueOrThrow({ where: { id: outcomes[0].caseId as string }, include: { scrDuplicateAlert: true } });
    expect(restricted.restrictionTier).toBe("scr");
    expect(restricted.scrDuplicateAlert?.scrCaseId).toBe(scr.id);
  });

  it("two batches run at once create each case once", async () => {
    const { importId } = await upload(provider.actors.caseworker, csvOf([prapRow(), prapRow(), prapRow(), prapRow()]));
    await preview(provider.actors.caseworker, importId);
    const page = await getImportPage(db.prisma, provider.actors.caseworker, importId);
    await commitImport(db.prisma, provider.actors.caseworker, { importId, version: page.version });
    await Promise.all([continueImport(db.prisma, importId, NOW, 2), continueImport(db.prisma, importId, NOW, 2), continueImport(db.prisma, importId, NOW, 2)]);
    const done = await getImportPage(db.prisma, provider.actors.caseworker, importId);
    expect(done.status).toBe("committed");
    expect(done.counts.created).toBe(4);
    expect(await db.prisma.referralImportRow.count({ where: { importId, outcome: "created" } })).toBe(4);
  });
});

describe("bad input: each gets a clear message or is handled, nothing half-written", () => {
  const refused = async (bytes: Uint8Array, message: RegExp) => {
    const before = await db.prisma.referralImport.count();
    const error = await expectUseCaseError(upload(provider.actors.caseworker, bytes), "INVALID");
    expect(error.fieldErrors.file).toMatch(message);
    expect(await db.prisma.referralImport.count()).toBe(before);
  };

  it("refuses a renamed binary, an empty file and a header-only file", async () => {
    await refused(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /must be a CSV or an Excel/);
    await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /not a valid Excel/);
    await refused(new Uint8Array([]), /is empty/);
    await refused(new TextEncoder().encode("\n\n"), /is empty/);
    await refused(csvOf([]), /header row but no rows/);
  });

  it("refuses 50,001 rows", async () => {
    const line = "1,2,3\n";
    const text = `a,b,c\n${line.repeat(50_001)}`;
    await refused(new TextEncoder().encode(text), /50,001 rows of data: the most one import takes is 50,000/);
  });

  it("reads a BOM, Windows line endings and semicolons, and NINOs with spaces", async () => {
    const row = prapRow();
    const spaced = { ...row, nino: `${row.nino.slice(0, 2)} ${row.nino.slice(2, 4)} ${row.nino.slice(4, 6)} ${row.nino.slice(6, 8)} ${row.nino.slice(8)}` };
    const { importId } = await upload(provider.actors.caseworker, csvOf([spaced], { delimiter: ";", bom: true, crlf: true }));
    const page = await preview(provider.actors.caseworker, importId);
    expect(page.headers[0]).toBe("Purchase Order No");
    expect(page.mapping.purchaseOrderNumber).toBe(0);
    expect(page.counts).toMatchObject({ ready: 1, invalid: 0 });
  });

  it("a 1 MB cell is reported with the intake's length message, not a 500", async () => {
    const { importId } = await upload(provider.actors.caseworker, csvOf([prapRow({ surname: "x".repeat(1024 * 1024) })]));
    const page = await preview(provider.actors.caseworker, importId);
    expect(page.problemRows[0].problems).toContainEqual({ column: "Surname", message: "The claimant’s surname must be 100 characters or fewer" });
  });

  it("XLSX: merged cells, formulas as their saved values, dates as date cells, Excel serials and UK text", async () => {
    const rows = [prapRow(), prapRow(), prapRow()];
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(PRAP_HEADERS);
      rows.forEach((row, index) => {
        const dates: (string | number | Date)[] = [new Date(Date.UTC(2026, 10, 23)), 46349, "23/11/2026"];
        sheet.addRow([row.po, row.referralId, "PROV-1", dates[index], row.forename, row.surname, row.nino, "1 High Street", "Leeds", "LS1 1AA", "DEA", "Sam Coach", "0113 496 0000", "sam@dwp.example"]);
      });
      // The town as a formula whose saved value is "Leeds"; it is never evaluated.
      sheet.getCell("I2").value = { formula: "UPPER(\"wakefield\")", result: "Leeds" };
      // Town merged down rows 3–4 reads as its top-left value.
      sheet.mergeCells("I3:I4");
    });
    const { importId } = await upload(provider.actors.caseworker, bytes);
    const page = await preview(provider.actors.caseworker, importId);
    expect(page.problemRows).toEqual([]);
    expect(page.counts.ready).toBe(3);
    const done = await commitAll(provider.actors.caseworker, importId);
    const created = await db.prisma.referralImportRow.findMany({ where: { importId }, select: { caseId: true } });
    const cases = await db.prisma.case.findMany({ where: { id: { in: created.map((row) => row.caseId as string) } }, include: { claimant: true } });
    expect(done.counts.created).toBe(3);
    expect(cases.map((row) => row.referralDate?.toISOString().slice(0, 10))).toEqual(["2026-11-23", "2026-11-23", "2026-11-23"]);
    expect(cases.every((row) => row.claimant.town === "Leeds")).toBe(true);
  });

  it("refuses a renamed binary with text-like bytes (a PDF or a Word document saved as .csv) and leaves nothing behind", async () => {
    await refused(new TextEncoder().encode("%PDF-1.4\n%\u0000\u0001binary stream\n"), /must be a CSV or an Excel/);
    await refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /must be a CSV or an Excel/);
  });

  it("XLSX: a formula with no saved value reads as blank and is never evaluated; an error value reads as blank", async () => {
    const row = prapRow();
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(PRAP_HEADERS);
      sheet.addRow([row.po, row.referralId, "PROV-1", row.referralDate, row.forename, row.surname, row.nino, "1 High Street", "Leeds", "LS1 1AA", "DEA", "Sam Coach", "0113 496 0000", "sam@dwp.example"]);
      // The address line: a formula never calculated (no saved value). Evaluating it would give "LEEDS".
      sheet.getCell("H2").value = { formula: 'UPPER("leeds")' } as ExcelJS.CellFormulaValue;
      // The postcode: a formula whose saved value is an error.
      sheet.getCell("J2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    });
    const { importId } = await upload(provider.actors.caseworker, bytes);
    const stored = await db.prisma.referralImportRow.findUniqueOrThrow({ where: { importId_rowNumber: { importId, rowNumber: 2 } } });
    const cells = stored.cells as string[];
    expect(cells[7]).toBe("");
    expect(cells[9]).toBe("");
    expect(JSON.stringify(cells)).not.toContain("LEEDS");
  });

  it("a CSV cell that looks like a formula is kept as the text typed, never evaluated", async () => {
    const { importId } = await upload(provider.actors.caseworker, csvOf([prapRow({ forename: "=1+1" })]));
    const stored = await db.prisma.referralImportRow.findUniqueOrThrow({ where: { importId_rowNumber: { importId, rowNumber: 2 } } });
    expect((stored.cells as string[])[4]).toBe("=1+1");
  });

  it("XLSX: a cell of 1 MB is reported with the intake's length message, not a 500", async () => {
    const row = prapRow();
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(PRAP_HEADERS);
      sheet.addRow([row.po, row.referralId, "PROV-1", row.referralDate, row.forename, "y".repeat(1024 * 1024), row.nino, "1 High Street", "Leeds", "LS1 1AA", "DEA", "Sam Coach", "0113 496 0000", "sam@dwp.example"]);
    });
    const { importId } = await upload(provider.actors.caseworker, bytes);
    const page = await preview(provider.actors.caseworker, importId);
    expect(page.problemRows[0].problems).toContainEqual({ column: "Surname", message: "The claimant’s surname must be 100 characters or fewer" });
    expect(page.counts.ready).toBe(0);
  });

  it("a Windows-1252 CSV (Excel on Windows) keeps its accented names", async () => {
    const row = prapRow({ forename: "Zoë" });
    const text = new TextDecoder().decode(csvOf([row]));
    // Encode as Windows-1252: ë is 0xEB there.
    const bytes = Uint8Array.from([...text].map((character) => (character === "ë" ? 0xeb : character.charCodeAt(0))));
    const { importId } = await upload(provider.actors.caseworker, bytes);
    const page = await preview(provider.actors.caseworker, importId);
    expect(page.counts.ready).toBe(1);
    const stored = await db.prisma.referralImportRow.findUniqueOrThrow({ where: { importId_rowNumber: { importId, rowNumber: 2 } } });
    expect((stored.cells as string[])[4]).toBe("Zoë");
  });

  it("an upload of 50,001 rows writes nothing: no import, no rows", async () => {
    const rowsBefore = await db.prisma.referralImportRow.count();
    await refused(new TextEncoder().encode(`a,b,c\n${"1,2,3\n".repeat(50_001)}`), /the most one import takes is 50,000/);
    expect(await db.prisma.referralImportRow.count()).toBe(rowsBefore);
  });

  it("the same file uploaded twice at once is one import", async () => {
    const bytes = csvOf([prapRow()]);
    const [first, second] = await Promise.all([upload(provider.actors.caseworker, bytes), upload(provider.actors.caseworker, bytes)]);
    expect(first.importId).toBe(second.importId);
    expect([first.reused, second.reused].sort()).toEqual([false, true]);
  });
});

describe("access", () => {
  it("managers import; administrators may not; a caseworker imports only for their own site", async () => {
    const { importId } = await upload(provider.actors.manager, csvOf([prapRow()]));
    expect(importId).toBeTruthy();
    await expectUseCaseError(upload(provider.actors.administrator, csvOf([prapRow()])), "FORBIDDEN");
    await expectUseCaseError(
      startImport(db.prisma, provider.actors.caseworkerScotland, { kind: "prap", siteId: provider.sites.england.id, fileName: "x.csv", bytes: csvOf([prapRow()]) }),
      "INVALID",
    );
    await expectUseCaseError(getImportPage(db.prisma, provider.actors.administrator, importId), "FORBIDDEN");
  });
});
