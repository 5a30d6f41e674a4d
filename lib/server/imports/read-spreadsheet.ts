import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { formatIsoDate, parseIsoDate } from "@/lib/calendar/iso-date";
import { UseCaseError } from "../use-case-error";

/**
 * An uploaded CSV or XLSX → its header row and data rows as text, read with csv-parse and exceljs
 * (no parser of our own). What a spreadsheet can hold is answered here, once:
 *  - the type is decided from the bytes, never the name: an XLSX is a ZIP ("PK\3\4"); a CSV is
 *    UTF-8 text with no NUL byte. A renamed binary is refused with a clear message.
 *  - CSV: a byte-order mark is dropped, Windows line endings are read, and the delimiter (comma,
 *    semicolon or tab) is the one the header row uses most.
 *  - XLSX: the first worksheet; a formula is read as the value Excel saved with it, never
 *    evaluated; a date cell becomes an ISO date; a merged cell reads as its top-left cell's value.
 *  - fully blank rows are dropped; every other row keeps its row number in the sheet (the header
 *    is row 1), so messages point where the user looks.
 *  - limits (docs/security.md IV-01): 20 MB, 50,000 data rows; a cell is kept up to
 *    MAX_CELL_LENGTH characters, more than any intake field takes, so an oversized cell is
 *    reported by the intake schema's own length message.
 */

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_CELL_LENGTH = 5_000;
export const MAX_COLUMNS = 200;

export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

export interface Spreadsheet {
  format: "csv" | "xlsx";
  headers: string[];
  rows: SheetRow[];
  /** Rows with nothing in them, dropped. */
  blankRows: number;
}

function refuseFile(message: string): never {
  throw new UseCaseError("INVALID", message, { file: message });
}

/** Kept up to MAX_CELL_LENGTH characters; a NUL (which no text column holds, and jsonb refuses) is dropped. */
function clip(value: string): string {
  const text = value.length > MAX_CELL_LENGTH ? value.slice(0, MAX_CELL_LENGTH) : value;
  return text.includes("\0") ? text.replaceAll("\0", "") : text;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readSpreadsheet(bytes: Uint8Array): Promise<Spreadsheet> {
  if (bytes.length === 0) refuseFile("The selected file is empty");
  if (bytes.length > MAX_UPLOAD_BYTES) refuseFile("The selected file must be smaller than 20 MB");
  const table = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  return toSpreadsheet(table.format, table.rows);
}

/**
 * One pass over the table: cells are trimmed and clipped, blank rows dropped and counted, and each
 * kept row is fitted to the header's width in place (a 50,000-row file is held once, not thrice).
 */
function toSpreadsheet(format: "csv" | "xlsx", table: string[][]): Spreadsheet {
  let header: string[] | null = null;
  let blankRows = 0;
  const rows: SheetRow[] = [];
  for (let index = 0; index < table.length; index += 1) {
    const cells = table[index];
    let filled = false;
    for (let column = 0; column < cells.length; column += 1) {
      const cell = clip(cells[column].trim());
      cells[column] = cell;
      if (cell !== "") filled = true;
    }
    if (!filled) blankRows += 1;
    else if (header === null) header = cells;
    else rows.push({ rowNumber: index + 1, cells });
  }
  if (header === null) refuseFile("The selected file is empty");
  if (rows.length === 0) refuseFile("The selected file has a header row but no rows of data");
  if (rows.length > MAX_IMPORT_ROWS) {
    refuseFile(`The selected file has ${rows.length.toLocaleString("en-GB")} rows of data: the most one import takes is ${MAX_IMPORT_ROWS.toLocaleString("en-GB")}. Split it into smaller files`);
  }
  if (header.length > MAX_COLUMNS) refuseFile(`The selected file has more than ${MAX_COLUMNS} columns: check it is the right file`);
  const headers = dedupeHeaders(header);
  for (const row of rows) {
    const cells = row.cells;
    const length = cells.length;
    cells.length = headers.length;
    for (let column = length; column < headers.length; column += 1) cells[column] = "";
  }
  return { format, headers, rows, blankRows };
}

/** Blank headers get their column letter's place ("Column 3"); a repeated header (a merged cell) a number. */
function dedupeHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const name = cell === "" ? `Column ${index + 1}` : cell;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

// ─── CSV ────────────────────────────────────────────────────────────────────────────────

function decodeText(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) refuseFile("The selected file must be a CSV or an Excel (XLSX) file");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Excel on Windows saves "CSV" as Windows-1252, which is text too.
    const text = new TextDecoder("windows-1252").decode(bytes);
    if (/[\x00-\x08\x0e-\x1f]/.test(text.slice(0, 64 * 1024))) refuseFile("The selected file must be a CSV or an Excel (XLSX) file");
    return text;
  }
}

function guessDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: firstLine.split(delimiter).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0].count > 0 ? counts[0].delimiter : ",";
}

function readCsv(bytes: Uint8Array): { format: "csv"; rows: string[][] } {
  const text = decodeText(bytes);
  try {
    const rows = parseCsv(text, {
      bom: true,
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    return { format: "csv", rows };
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error ? ` (line ${String((error as { lines: unknown }).lines)})` : "";
    refuseFile(`The selected file could not be read as CSV${line}: check it is saved as CSV or XLSX`);
  }
}

// ─── XLSX ───────────────────────────────────────────────────────────────────────────────

const EXCEL_EPOCH = parseIsoDate("1899-12-30");

function dateText(date: Date): string {
  // exceljs gives a date cell as midnight UTC of that calendar date.
  return formatIsoDate(EXCEL_EPOCH + Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateText(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      // The value Excel saved with the formula; never evaluated here.
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined || (typeof result === "object" && result !== null && "error" in result) ? "" : cellText(result);
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return "";
  }
  return "";
}

async function readXlsx(bytes: Uint8Array): Promise<{ format: "xlsx"; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    refuseFile("The selected file is not a valid Excel (XLSX) file: open it in Excel and save it as XLSX or CSV");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) refuseFile("The selected file is empty");
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1 + 10_000) {
    refuseFile(`The selected file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} rows of data: split it into smaller files`);
  }
  const width = Math.min(sheet.columnCount, MAX_COLUMNS + 1);
  const rows: string[][] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push(cells);
  }
  return { format: "xlsx", rows };
}
