import { describe, expect, it } from "vitest";
import { cellToDateParts, excelSerialToIsoDate } from "@/lib/domain/import/cell-dates";
import { mappingProblems, proposeMapping } from "@/lib/domain/import/import-columns";
import { dateOfBirthOf } from "@/lib/domain/import/prap-import-row";
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
  const mapping = { nino: 0, forename: 1, surname: 2, referralDate: 3, purchaseOrderNumber: 4, handoverName: 5, site: 6, dateOfBirth: 7 };
  const line = (n: number, cells: string[]) => sheetLineOf(n, cells, mapping);
  const caseOf = (id: string, fields: Partial<Parameters<typeof reconcile>[1][number]> = {}) => ({
    id,
    reference: `SES-${id}`,
    siteName: "Leeds",
    nino: null,
    forename: "A",
    surname: id,
    dateOfBirth: null,
    referralDate: "2026-11-02",
    purchaseOrderNumbers: [],
    handoverNames: [],
    ...fields,
  });

  // 3.05: NINO, then name + date of birth, then the DEA/Work Coach and the date; the rule used is shown.
  it("matches by NINO, then name and date of birth, then DEA and date, and sorts rows into the four lists", () => {
    const cases = [
      caseOf("1", { nino: "QQ123456C", purchaseOrderNumbers: ["200000001"] }),
      caseOf("2", { forename: "Jo", surname: "Bloggs", dateOfBirth: "1980-03-27", referralDate: "2026-11-03" }),
      caseOf("3", { handoverNames: ["Sam Coach"], referralDate: "2026-11-04" }),
      caseOf("4"),
      caseOf("5", { forename: "Ann", surname: "Other", dateOfBirth: "1970-01-01" }),
    ];
    const lines = [
      line(2, ["QQ 12 34 56 C", "A", "1", "02/11/2026", "200000001", "", "Leeds", ""]),
      // The date of birth as an Excel serial (27 March 1980 = 29307).
      line(3, ["", "jo", "BLOGGS", "05/11/2026", "", "", "Leeds", "29307"]),
      line(4, ["", "", "", "04/11/2026", "", "Sam Coach", "Leeds", ""]),
      line(5, ["AB123456C", "No", "Case", "06/11/2026", "", "", "Leeds", ""]),
      // The same name with another date of birth, and with none, is not a match by name.
      line(6, ["", "Ann", "Other", "02/11/2026", "", "", "Leeds", "02/01/1970"]),
      line(7, ["", "Ann", "Other", "02/11/2026", "", "", "Leeds", ""]),
      // Matched to an expected referral by name and a UK text date of birth with a two-digit year.
      line(8, ["", "Kim", "Waiting", "06/11/2026", "", "", "Leeds", "3/4/65"]),
    ];
    const result = reconcile(lines, cases, [
      { id: "e1", nino: "AB123456C", forename: "No", surname: "Case", dateOfBirth: null, calledOn: "2026-11-05", handoverName: "Sam" },
      { id: "e2", nino: null, forename: "Kim", surname: "Waiting", dateOfBirth: "1965-04-03", calledOn: "2026-11-05", handoverName: "Sam" },
    ]);
    expect(result.matched.map((row) => [row.rowNumber, row.rule])).toEqual([
      [2, "nino"],
      [4, "handover_and_date"],
    ]);
    expect(result.differences.map((row) => [row.rowNumber, row.rule, row.differences])).toEqual([
      [3, "name_and_date_of_birth", ["Referral date: 2026-11-05 in the spreadsheet, 2026-11-03 on the case"]],
    ]);
    expect(result.noCase.map((row) => [row.rowNumber, row.expectedReferralId, row.rule])).toEqual([
      [5, "e1", "nino"],
      [6, null, null],
      [7, null, null],
      [8, "e2", "name_and_date_of_birth"],
    ]);
    expect(result.noCase.find((row) => row.rowNumber === 8)).toMatchObject({ forename: "Kim", surname: "Waiting", dateOfBirth: "1965-04-03" });
    expect(result.caseNoRow.map((row) => row.caseId)).toEqual(["4", "5"]);
  });

  it("does not match two different NINOs by name and date of birth", () => {
    const cases = [caseOf("1", { nino: "AB123456C", forename: "Jo", surname: "Bloggs", dateOfBirth: "1980-03-27" })];
    const result = reconcile([line(2, ["CE123456D", "Jo", "Bloggs", "02/11/2026", "", "", "", "27/03/1980"])], cases, []);
    expect(result.noCase.map((row) => row.rowNumber)).toEqual([2]);
  });
});

describe("date of birth in a PRaP file", () => {
  const mapping = { dateOfBirth: 0 };
  // 3.05: the date of birth is what a referral is matched on with the name; dates as serials and UK text.
  it("reads serials and UK text, a two-digit year as the last century when this one's is in the future, and refuses a future date", () => {
    expect(dateOfBirthOf(["29307"], mapping, "2026-12-03")).toEqual({ ok: true, date: "1980-03-27" });
    expect(dateOfBirthOf(["27/03/1980"], mapping, "2026-12-03")).toEqual({ ok: true, date: "1980-03-27" });
    expect(dateOfBirthOf(["3/4/65"], mapping, "2026-12-03")).toEqual({ ok: true, date: "1965-04-03" });
    expect(dateOfBirthOf([""], mapping, "2026-12-03")).toEqual({ ok: true, date: null });
    expect(dateOfBirthOf(["01/01/2030"], mapping, "2026-12-03")).toEqual({ ok: false, message: "Date of birth must be today or in the past" });
    expect(dateOfBirthOf(["31/02/1980"], mapping, "2026-12-03")).toMatchObject({ ok: false });
  });
});
