import { describe, expect, it } from "vitest";
import { cellToDateParts, excelSerialToIsoDate } from "@/lib/domain/import/cell-dates";
import { mappingProblems, proposeMapping } from "@/lib/domain/import/import-columns";
import { reconcile, sheetLineOf } from "@/lib/domain/import/reconcile";

/** The import's pure parts (docs/decisions/0023-bulk-import-and-expected-referrals.md). */
describe("column mapping", () => {
  it("proposes columns from headers, case- and spacing-insensitive, with common aliases", () => {
    const mapping = proposeMapping("prap", ["PURCHASE  ORDER no.", "prap_referral_id", "Provision ID", "Date of referral", "First name", "Last name", "NI number"]);
    expect(mapping).toMatchObject({ purchaseOrderNumber: 0, referralId: 1, provisionId: 2, referralDate: 3, forename: 4, surname: 5, nino: 6, postcode: null });
  });

  it("asks for each required column and refuses one header chosen twice", () => {
    const problems = mappingProblems("prap", { purchaseOrderNumber: 0, referralId: 0 }, ["PO"]);
    expect(problems.referralId).toBe("Column “PO” is already chosen for the purchase order number");
    expect(problems.surname).toBe("Select the column that holds the surname");
  });
});

describe("dates as spreadsheets hold them", () => {
  it("reads Excel serials (1900 system), ISO dates and UK text day first", () => {
    expect(excelSerialToIsoDate(46349)).toBe("2026-11-23");
    expect(cellToDateParts("46349")).toEqual({ day: "23", month: "11", year: "2026" });
    expect(cellToDateParts("2026-11-23")).toEqual({ day: "23", month: "11", year: "2026" });
    expect(cellToDateParts("03/04/2017")).toEqual({ day: "03", month: "04", year: "2017" });
    expect(cellToDateParts("3-Apr-17")).toEqual({ day: "3", month: "Apr", year: "2017" });
  });

  it("passes anything else on so the intake schema answers 'must be a real date'", () => {
    expect(cellToDateParts("next Tuesday")).toEqual({ day: "next Tuesday", month: "?", year: "?" });
  });
});

describe("reconciliation", () => {
  const mapping = { nino: 0, forename: 1, surname: 2, referralDate: 3, purchaseOrderNumber: 4, handoverName: 5, site: 6 };
  const line = (n: number, cells: string[]) => sheetLineOf(n, cells, mapping);
  const caseOf = (id: string, fields: Partial<Parameters<typeof reconcile>[1][number]> = {}) => ({
    id,
    reference: `SES-${id}`,
    siteName: "Leeds",
    nino: null,
    forename: "A",
    surname: id,
    referralDate: "2026-11-02",
    purchaseOrderNumbers: [],
    handoverNames: [],
    ...fields,
  });

  it("matches by NINO, then name, then DEA and date, and sorts rows into the four lists", () => {
    const cases = [
      caseOf("1", { nino: "QQ123456C", purchaseOrderNumbers: ["200000001"] }),
      caseOf("2", { forename: "Jo", surname: "Bloggs", referralDate: "2026-11-03" }),
      caseOf("3", { handoverNames: ["Sam Coach"], referralDate: "2026-11-04" }),
      caseOf("4"),
    ];
    const lines = [
      line(2, ["QQ 12 34 56 C", "A", "1", "02/11/2026", "200000001", "", "Leeds"]),
      line(3, ["", "jo", "BLOGGS", "05/11/2026", "", "", "Leeds"]),
      line(4, ["", "", "", "04/11/2026", "", "Sam Coach", "Leeds"]),
      line(5, ["AB123456C", "No", "Case", "06/11/2026", "", "", "Leeds"]),
    ];
    const result = reconcile(lines, cases, [{ id: "e1", nino: "AB123456C", forename: "No", surname: "Case", calledOn: "2026-11-05", handoverName: "Sam" }]);
    expect(result.matched.map((row) => [row.rowNumber, row.rule])).toEqual([
      [2, "nino"],
      [4, "handover_and_date"],
    ]);
    expect(result.differences.map((row) => [row.rowNumber, row.rule, row.differences])).toEqual([[3, "name", ["Referral date: 2026-11-05 in the spreadsheet, 2026-11-03 on the case"]]]);
    expect(result.noCase.map((row) => [row.rowNumber, row.expectedReferralId])).toEqual([[5, "e1"]]);
    expect(result.caseNoRow.map((row) => row.caseId)).toEqual(["4"]);
  });
});
