import { stringify } from "csv-stringify/sync";
import type { CsvCell } from "@/lib/domain/dashboard/csv-columns";

/**
 * Rows as a CSV download, the one way every export writes one (dashboard lists, the security
 * report, a case's access log).
 */
export function toCsv<Row>(columns: { header: string; cell: (row: Row) => CsvCell }[], rows: Row[]): string {
  // escape_formulas: a cell starting with = + - @ tab or CR gets a leading apostrophe, so a
  // spreadsheet shows it as text and never runs it (OWASP CSV injection). bom: Excel reads UTF-8.
  return stringify(
    rows.map((row) => columns.map((column) => column.cell(row))),
    { header: true, columns: columns.map((column) => column.header), bom: true, escape_formulas: true, record_delimiter: "windows" },
  );
}
