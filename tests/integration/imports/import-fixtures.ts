import ExcelJS from "exceljs";
import { uniqueNino, uniquePurchaseOrder } from "@/tests/integration/support/builders";

/** Files for the import tests, generated here (exceljs writes the XLSX fixtures). */

export const PRAP_HEADERS = [
  "Purchase Order No",
  "Referral ID",
  "Provision ID",
  "Referral date",
  "Forename",
  "Surname",
  "NINO",
  "Address line 1",
  "Town",
  "Postcode",
  "Work coach or DEA",
  "Work coach name",
  "Work coach phone",
  "Work coach email",
];

export interface PrapRow {
  po: string;
  referralId: string;
  nino: string;
  referralDate: string | number;
  forename: string;
  surname: string;
}

let sequence = 0;
export function prapRow(overrides: Partial<PrapRow> = {}): PrapRow {
  sequence += 1;
  return {
    po: uniquePurchaseOrder("uc"),
    referralId: `IMP-${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
    nino: uniqueNino(),
    referralDate: "23/11/2026",
    forename: "Alex",
    surname: `Importer${sequence}`,
    ...overrides,
  };
}

export function cellsOf(row: PrapRow): (string | number)[] {
  return [row.po, row.referralId, "PROV-1", row.referralDate, row.forename, row.surname, row.nino, "1 High Street", "Leeds", "LS1 1AA", "Work Coach", "Sam Coach", "0113 496 0000", "sam.coach@dwp.example"];
}

function csvCell(value: string | number, delimiter: string): string {
  const text = String(value);
  return text.includes(delimiter) || text.includes('"') || text.includes("\n") ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvOf(rows: PrapRow[], options: { delimiter?: string; bom?: boolean; crlf?: boolean; headers?: string[] } = {}): Uint8Array {
  const delimiter = options.delimiter ?? ",";
  const newline = options.crlf ? "\r\n" : "\n";
  const lines = [options.headers ?? PRAP_HEADERS, ...rows.map(cellsOf)].map((cells) => cells.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  const text = `${options.bom ? "\uFEFF" : ""}${lines.join(newline)}${newline}`;
  return new TextEncoder().encode(text);
}

export async function xlsxOf(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Referrals");
  build(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
