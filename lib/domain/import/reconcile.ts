import type { IsoDate } from "@/lib/calendar/iso-date";
import { parseDateParts } from "@/lib/domain/forms/date-parts";
import { normaliseNino, normalisePurchaseOrder } from "@/lib/domain/identifiers";
import { cellToDateParts } from "./cell-dates";
import { cellOf } from "./prap-import-row";
import type { ColumnMapping } from "./import-columns";

/**
 * Reconciling the monthly referral spreadsheet against the cases (docs/decisions/0023-bulk-import-and-expected-referrals.md).
 * Pure: the caller passes the cases the actor may see (an SCR case is never among them for
 * anyone but a nominated officer, so a row for one reads "no case", never a hint) and the open
 * expected referrals. Each row is matched by the first rule that finds exactly one candidate:
 * NINO, then forename + surname + date of birth (both known and equal, 3.05), then the DEA/Work
 * Coach's name + referral date. Dates may be date cells, Excel serials or UK text (cell-dates.ts).
 */

export type MatchRule = "nino" | "name_and_date_of_birth" | "handover_and_date";

export const MATCH_RULE_LABELS: Record<MatchRule, string> = {
  nino: "National Insurance number",
  name_and_date_of_birth: "Name and date of birth",
  handover_and_date: "Work Coach or DEA and referral date",
};

export interface ReconcileCase {
  id: string;
  reference: string;
  siteName: string;
  nino: string | null;
  forename: string;
  surname: string;
  dateOfBirth: IsoDate | null;
  referralDate: IsoDate | null;
  purchaseOrderNumbers: string[];
  handoverNames: string[];
}

export interface ReconcileExpected {
  id: string;
  nino: string | null;
  forename: string;
  surname: string;
  dateOfBirth: IsoDate | null;
  calledOn: IsoDate;
  handoverName: string;
}

export interface SheetLine {
  rowNumber: number;
  nino: string;
  forename: string;
  surname: string;
  dateOfBirth: IsoDate | null;
  referralDate: IsoDate | null;
  purchaseOrderNumber: string;
  referralId: string;
  handoverName: string;
  site: string;
}

export interface ReconciledRow {
  rowNumber: number;
  name: string;
  /** As in the spreadsheet: what an expected referral made from the row is prefilled with. */
  forename: string;
  surname: string;
  dateOfBirth: IsoDate | null;
  handoverName: string;
  nino: string;
  referralDate: IsoDate | null;
  site: string;
  month: string;
  caseId: string | null;
  reference: string | null;
  expectedReferralId: string | null;
  rule: MatchRule | null;
  differences: string[];
}

export interface Reconciliation {
  noCase: ReconciledRow[];
  caseNoRow: { caseId: string; reference: string; name: string; site: string; month: string; referralDate: IsoDate | null }[];
  differences: ReconciledRow[];
  matched: ReconciledRow[];
}

const key = (forename: string, surname: string) => `${forename.trim().toLowerCase()}|${surname.trim().toLowerCase()}`;
const personKey = (forename: string, surname: string, dateOfBirth: IsoDate | null) => (forename.trim() && surname.trim() && dateOfBirth ? `${key(forename, surname)}|${dateOfBirth}` : null);
const month = (date: IsoDate | null) => (date ? date.slice(0, 7) : "No date");

function dateCell(cells: readonly string[], mapping: ColumnMapping, field: string, latestYear?: number): IsoDate | null {
  const text = cellOf(cells, mapping, field);
  const parsed = text.trim() === "" ? null : parseDateParts(cellToDateParts(text, { latestYear }), { label: "the date" });
  return parsed?.ok ? parsed.date : null;
}

export function sheetLineOf(rowNumber: number, cells: readonly string[], mapping: ColumnMapping): SheetLine {
  return {
    rowNumber,
    nino: normaliseNino(cellOf(cells, mapping, "nino")),
    forename: cellOf(cells, mapping, "forename").trim(),
    surname: cellOf(cells, mapping, "surname").trim(),
    // A two-digit year of birth after the row's referral year is the last century's.
    dateOfBirth: dateCell(cells, mapping, "dateOfBirth", Number((dateCell(cells, mapping, "referralDate") ?? "2099").slice(0, 4))),
    referralDate: dateCell(cells, mapping, "referralDate"),
    purchaseOrderNumber: normalisePurchaseOrder(cellOf(cells, mapping, "purchaseOrderNumber")),
    referralId: cellOf(cells, mapping, "referralId").trim(),
    handoverName: cellOf(cells, mapping, "handoverName").trim(),
    site: cellOf(cells, mapping, "site").trim(),
  };
}

function indexBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (!k) continue;
    const list = index.get(k);
    if (list) list.push(item);
    else index.set(k, [item]);
  }
  return index;
}

function only<T>(found: T[] | undefined): T | null {
  return found && found.length === 1 ? found[0] : null;
}

export function reconcile(lines: readonly SheetLine[], cases: readonly ReconcileCase[], expected: readonly ReconcileExpected[]): Reconciliation {
  const casesByNino = indexBy(cases, (row) => row.nino);
  const casesByPerson = indexBy(cases, (row) => personKey(row.forename, row.surname, row.dateOfBirth));
  const casesByDate = indexBy(cases, (row) => row.referralDate);
  const expectedByNino = indexBy(expected, (row) => row.nino);
  const expectedByPerson = indexBy(expected, (row) => personKey(row.forename, row.surname, row.dateOfBirth));
  const matchedCaseIds = new Set<string>();
  const result: Reconciliation = { noCase: [], caseNoRow: [], differences: [], matched: [] };

  for (const line of lines) {
    let rule: MatchRule | null = null;
    let found: ReconcileCase | null = null;
    if (line.nino) {
      found = only(casesByNino.get(line.nino));
      if (found) rule = "nino";
    }
    const person = personKey(line.forename, line.surname, line.dateOfBirth);
    if (!found && person) {
      found = only(casesByPerson.get(person));
      // Two different NINOs are two people, whatever their names and dates of birth.
      if (found && line.nino && found.nino && found.nino !== line.nino) found = null;
      if (found) rule = "name_and_date_of_birth";
    }
    if (!found && line.handoverName && line.referralDate) {
      const sameDay = (casesByDate.get(line.referralDate) ?? []).filter((row) => row.handoverNames.some((name) => name.toLowerCase() === line.handoverName.toLowerCase()));
      found = only(sameDay);
      if (found) rule = "handover_and_date";
    }
    const base: ReconciledRow = {
      rowNumber: line.rowNumber,
      name: `${line.forename} ${line.surname}`.trim(),
      forename: line.forename,
      surname: line.surname,
      dateOfBirth: line.dateOfBirth,
      handoverName: line.handoverName,
      nino: line.nino,
      referralDate: line.referralDate,
      site: line.site || (found?.siteName ?? ""),
      month: month(line.referralDate),
      caseId: found?.id ?? null,
      reference: found?.reference ?? null,
      expectedReferralId: null,
      rule,
      differences: [],
    };
    if (!found) {
      const viaNino = line.nino ? only(expectedByNino.get(line.nino)) : null;
      const viaPerson = person ? only(expectedByPerson.get(person)) : null;
      const waiting = viaNino ?? (viaPerson && !(line.nino && viaPerson.nino && viaPerson.nino !== line.nino) ? viaPerson : null);
      result.noCase.push({ ...base, expectedReferralId: waiting?.id ?? null, rule: waiting ? (viaNino ? "nino" : "name_and_date_of_birth") : null });
      continue;
    }
    matchedCaseIds.add(found.id);
    const differences: string[] = [];
    if (line.referralDate && found.referralDate && line.referralDate !== found.referralDate) differences.push(`Referral date: ${line.referralDate} in the spreadsheet, ${found.referralDate} on the case`);
    if (line.purchaseOrderNumber && !found.purchaseOrderNumbers.includes(line.purchaseOrderNumber)) {
      differences.push(`Purchase order: ${line.purchaseOrderNumber} in the spreadsheet, ${found.purchaseOrderNumbers.join(", ") || "none"} on the case`);
    }
    if (line.forename && line.surname && key(line.forename, line.surname) !== key(found.forename, found.surname)) {
      differences.push(`Name: ${line.forename} ${line.surname} in the spreadsheet, ${found.forename} ${found.surname} on the case`);
    }
    if (differences.length > 0) result.differences.push({ ...base, differences });
    else result.matched.push(base);
  }
  for (const row of cases) {
    if (matchedCaseIds.has(row.id)) continue;
    result.caseNoRow.push({ caseId: row.id, reference: row.reference, name: `${row.forename} ${row.surname}`, site: row.siteName, month: month(row.referralDate), referralDate: row.referralDate });
  }
  return result;
}

export type ReconciliationList = keyof Reconciliation;

export const RECONCILIATION_LISTS: { list: ReconciliationList; label: string }[] = [
  { list: "noCase", label: "In the spreadsheet, no case" },
  { list: "caseNoRow", label: "Case with no row" },
  { list: "differences", label: "Matched with differences" },
  { list: "matched", label: "Matched" },
];

/** Totals of one list per site and per month. */
export function totalsOf(rows: readonly { site: string; month: string }[]): { bySite: [string, number][]; byMonth: [string, number][] } {
  const count = (keyOf: (row: { site: string; month: string }) => string) => {
    const totals = new Map<string, number>();
    for (const row of rows) totals.set(keyOf(row) || "Not given", (totals.get(keyOf(row) || "Not given") ?? 0) + 1);
    return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  return { bySite: count((row) => row.site), byMonth: count((row) => row.month) };
}
